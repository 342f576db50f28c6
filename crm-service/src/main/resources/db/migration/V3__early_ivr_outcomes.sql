-- The IVR's outcome (cc.ivr) and the contact's arrival (cc.contacts) travel on different topics, so the outcome can be
-- read first. It waits here until the contact's interaction exists, then joins it.
create table crm_ivr_outcome_pending (
  contact_id   varchar(64) primary key,
  outcome      varchar(32) not null,
  completed_at timestamptz not null
);
