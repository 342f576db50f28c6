-- Who asked for the callback (the token's subject: an agent id, the IVR's service identity, the telephony edge).
-- Agents see and withdraw only the callbacks they asked for or dialled; older rows have no requester.
alter table cb_callback add column requested_by varchar(128);
create index cb_callback_requested_by on cb_callback (requested_by, created_at desc) where requested_by is not null;
