-- Read model: one row per contact, built from cc.contacts. Intervals and agent facts come with the
-- reporting issue; this is the real-time queue view.
create table rpt_contact (
  contact_id         varchar(64) primary key,
  queue_id           varchar(64) not null,
  channel            varchar(16) not null,
  state              varchar(16) not null,
  queued_at          timestamptz not null,
  virtual_start_time timestamptz not null,
  ended_at           timestamptz,
  wait_seconds       double precision
);
create index rpt_contact_queue_state on rpt_contact (queue_id, state);
create index rpt_contact_queued_at on rpt_contact (queued_at);
