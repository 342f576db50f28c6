-- Callback requests and their attempts; the policy gains calling hours and backoff.
alter table cb_policy
  add column calling_hours       jsonb            not null default '{}',
  add column backoff_multiplier  double precision not null default 2.0,
  add column version             integer          not null default 0;

create table cb_callback (
  id                  varchar(64)  primary key,
  phone               varchar(20)  not null,
  queue_id            varchar(64)  not null,
  origin              varchar(16)  not null,
  parent_contact_id   varchar(64),
  virtual_start_time  timestamptz,
  time_zone           varchar(64)  not null,
  window_start        timestamptz  not null,
  window_end          timestamptz  not null,
  status              varchar(16)  not null,
  attempts            integer      not null default 0,
  due_at              timestamptz,
  contact_id          varchar(64),
  last_outcome        varchar(32),
  failure_reason      varchar(64),
  reminder_sent       boolean      not null default false,
  created_at          timestamptz  not null,
  updated_at          timestamptz  not null,
  version             integer      not null default 0
);
-- one open callback per number and queue: a second request finds the first
create unique index cb_callback_open on cb_callback (phone, queue_id) where status in ('SCHEDULED', 'QUEUED', 'DIALING');
-- one automatic callback per abandoned contact
create unique index cb_callback_parent on cb_callback (parent_contact_id) where origin = 'abandoned';
create index cb_callback_due on cb_callback (due_at) where status = 'SCHEDULED';
create index cb_callback_contact on cb_callback (contact_id);
create index cb_callback_queue_status on cb_callback (queue_id, status);
create index cb_callback_phone_day on cb_callback (phone, created_at);

-- every dial attempt: handed to routing (enqueued), when it was due, what the edge reported
create table cb_attempt (
  callback_id   varchar(64)  not null references cb_callback (id) on delete cascade,
  attempt       integer      not null,
  contact_id    varchar(64)  not null,
  due_at        timestamptz  not null,
  enqueued_at   timestamptz  not null,
  dialing_at    timestamptz,
  agent_id      varchar(64),
  outcome       varchar(32),
  ended_at      timestamptz,
  primary key (callback_id, attempt)
);

-- who called from which number: abandoned calls are returned to it, and a new call from it cancels a pending return
create table cb_caller (
  contact_id  varchar(64)  primary key,
  phone       varchar(20)  not null,
  seen_at     timestamptz  not null
);
create index cb_caller_seen on cb_caller (seen_at);
