-- The ACD: queues, agents, offers, and what routing needs on each contact.

create table routing_queue (
  id                 varchar(64)      primary key,
  definition         text             not null,          -- QueueDefinition as JSON
  definition_version bigint           not null default 1,
  rr_last_agent      varchar(64),                         -- round robin memory
  aht_seconds        double precision,                    -- handle-time average (EWMA) for wait estimates
  aht_samples        bigint           not null default 0,
  created_at         timestamptz      not null,
  updated_at         timestamptz      not null
);

create table routing_agent (
  id               varchar(64)      primary key,
  profile          text             not null,            -- AgentProfile as JSON: skills, memberships, capacity
  profile_version  bigint           not null default 1,
  presence         varchar(16)      not null default 'LOGGED_OUT',
  reason_code      varchar(64),
  presence_since   timestamptz      not null,
  idle_since       timestamptz,
  wrap_up_until    timestamptz,
  pending_offers   integer          not null default 0 check (pending_offers >= 0),
  load             text             not null default '{}', -- live offers + contacts per channel, JSON
  contacts_handled integer          not null default 0,
  talk_seconds     double precision not null default 0,
  missed_offers    integer          not null default 0,
  version          bigint           not null default 0   -- bumped by every change; routing passes compare it
);
create index routing_agent_routable on routing_agent (id) where presence = 'AVAILABLE';

alter table routing_contact
  add column entered_at          timestamptz,
  add column preferred_agent_id  varchar(64),
  add column preferred_until     timestamptz,
  add column excluded            text,                   -- JSON agentId -> until (rejected / missed)
  add column overflow_step       integer      not null default 0,
  add column widened             boolean      not null default false,
  add column agent_id            varchar(64),
  add column answered_at         timestamptz,
  add column ended_at            timestamptz,
  add column outcome             varchar(32),            -- exit action or end reason
  add column outcome_detail      varchar(500),
  add column position_at_entry   integer,
  add column ewt_at_entry        double precision;
update routing_contact set entered_at = queued_at where entered_at is null;
alter table routing_contact alter column entered_at set not null;
alter table routing_contact alter column state type varchar(24);

create table routing_offer (
  id           varchar(64)  primary key,
  contact_id   varchar(64)  not null references routing_contact (id),
  agent_id     varchar(64)  not null references routing_agent (id),
  queue_id     varchar(64)  not null,
  channel      varchar(16)  not null,
  status       varchar(16)  not null,   -- PENDING, ACCEPTED, REJECTED, TIMED_OUT, CANCELLED, ENDED
  offered_at   timestamptz  not null,
  expires_at   timestamptz  not null,
  responded_at timestamptz,
  ended_at     timestamptz
);
-- the database itself refuses a second live offer for one contact, whatever any replica does
create unique index routing_offer_one_live_per_contact on routing_offer (contact_id)
  where status in ('PENDING', 'ACCEPTED');
create index routing_offer_pending_expiry on routing_offer (expires_at) where status = 'PENDING';
create index routing_offer_live_agent on routing_offer (agent_id) where status in ('PENDING', 'ACCEPTED');

-- every wait estimate given at entry, and the wait that followed, to measure the estimator
create table routing_wait_estimate (
  contact_id        varchar(64)      primary key,
  queue_id          varchar(64)      not null,
  estimated_at      timestamptz      not null,
  position          integer          not null,
  staffed           integer          not null,
  estimate_seconds  double precision,
  actual_seconds    double precision,
  outcome           varchar(16)
);
