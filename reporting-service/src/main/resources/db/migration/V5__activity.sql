-- Read models for the rest of the suite's events: satisfaction and first-contact resolution per contact,
-- callbacks and their dial-outs, IVR sessions, cases, and agent state intervals (occupancy).

-- left_at: when the contact left the queue (answered, abandoned, overflowed, cancelled); ended_at moves on to
-- the completion. The backlog needs the first, resolution times the second.
alter table rpt_contact add column csat smallint, add column estimated_wait double precision, add column left_at timestamptz;

-- contacts that were not resolved at first contact (crm-service's customer.repeat-contact); a table of its own
-- because the repeat may arrive before the contact's own events (another topic, no order between them)
create table rpt_repeat (
  contact_id   varchar(64) primary key,
  repeated_by  varchar(64) not null,
  detected_at  timestamptz not null
);

create table rpt_callback (
  callback_id    varchar(64) primary key,
  queue_id       varchar(64) not null,
  origin         varchar(16) not null,
  state          varchar(16) not null,
  requested_at   timestamptz not null,
  window_start   timestamptz,
  ended_at       timestamptz,
  attempts       integer     not null default 0
);
create index rpt_callback_queue on rpt_callback (queue_id, requested_at);
create index rpt_callback_open on rpt_callback (queue_id) where ended_at is null;

-- every dial-out (callback attempts): the outbound calls of the interval reports
create table rpt_dial (
  event_id     varchar(64) primary key,
  callback_id  varchar(64) not null,
  queue_id     varchar(64) not null,
  dialed_at    timestamptz not null
);
create index rpt_dial_queue on rpt_dial (queue_id, dialed_at);

create table rpt_ivr_session (
  session_id  varchar(64) primary key,
  flow_id     varchar(64) not null,
  contact_id  varchar(64),
  outcome     varchar(32) not null,
  last_node   varchar(64),
  ended_at    timestamptz not null
);
create index rpt_ivr_session_flow on rpt_ivr_session (flow_id, ended_at);

create table rpt_case (
  case_id      varchar(64) primary key,
  category     varchar(32) not null,
  priority     varchar(16) not null,
  opened_at    timestamptz not null,
  sla_due_at   timestamptz not null,
  closed_at    timestamptz,
  within_sla   boolean
);
create index rpt_case_open on rpt_case (opened_at) where closed_at is null;

-- one row per stretch of time an agent spent in one state; the open stretch has ended_at null
create table rpt_agent_state (
  agent_id    varchar(64) not null,
  state       varchar(16) not null,
  started_at  timestamptz not null,
  ended_at    timestamptz,
  primary key (agent_id, started_at)
);
create index rpt_agent_state_open on rpt_agent_state (agent_id) where ended_at is null;
