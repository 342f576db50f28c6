-- What historical intervals need per contact: handle time once completed, transfers, who answered.
alter table rpt_contact
  add column handle_seconds double precision,
  add column transfers      integer not null default 0,
  add column agent_id       varchar(64);
