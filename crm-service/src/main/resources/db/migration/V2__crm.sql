-- Customer profile, interaction history (built from events), cases dispatched to service partners.

alter table crm_customer
  add column region        varchar(2),
  add column loyalty_tier  varchar(32),
  add column do_not_call   boolean     not null default false,
  add column marketing_ok  boolean     not null default false,
  add column recording_ok  boolean     not null default true,
  add column attributes    jsonb       not null default '{}',
  add column erased_at     timestamptz,
  add column version       int         not null default 0;
-- search: e-mail exact (case-insensitive), name by prefix
create index crm_customer_email on crm_customer (lower(email)) where email is not null;
create index crm_customer_name on crm_customer (lower(display_name) text_pattern_ops);

-- One row per contact (from cc.contacts / cc.ivr) or callback (from cc.callbacks) of a known customer.
-- Rows outlive an erasure: they hold no PII, only ids, times and outcomes, so statistics stay right.
create table crm_interaction (
  id                varchar(64)  primary key,
  kind              varchar(16)  not null,
  customer_id       varchar(64)  not null references crm_customer (id) on delete cascade,
  channel           varchar(16),
  queue_id          varchar(64),
  agent_id          varchar(64),
  issue             varchar(64),
  started_at        timestamptz  not null,
  ended_at          timestamptz,
  outcome           varchar(32)  not null,
  wait_seconds      double precision,
  handle_seconds    double precision,
  transfers         int          not null default 0,
  ivr_outcome       varchar(32),
  csat              smallint,
  repeat_of         varchar(64),
  parent_id         varchar(64),
  updated_at        timestamptz  not null
);
create index crm_interaction_customer on crm_interaction (customer_id, started_at desc);

create table crm_partner (
  id          varchar(64)  primary key,
  name        varchar(200) not null,
  kind        varchar(16)  not null,
  skills      text[]       not null,
  region      varchar(64)  not null,
  capacity    int          not null check (capacity >= 0),
  open_jobs   int          not null default 0 check (open_jobs >= 0),
  active      boolean      not null default true,
  sla_met     int          not null default 0,
  sla_missed  int          not null default 0,
  notify_url  varchar(500),
  created_at  timestamptz  not null,
  updated_at  timestamptz  not null
);

create table crm_case (
  id            varchar(64)  primary key,
  customer_id   varchar(64)  not null references crm_customer (id) on delete cascade,
  contact_id    varchar(64),
  category      varchar(32)  not null,
  priority      varchar(16)  not null,
  product_line  varchar(64),
  region        varchar(64),
  subject       varchar(200) not null,
  description   text,
  status        varchar(16)  not null,
  partner_id    varchar(64)  references crm_partner (id),
  sla_due_at    timestamptz  not null,
  delay_reason  varchar(200),
  created_at    timestamptz  not null,
  updated_at    timestamptz  not null,
  resolved_at   timestamptz,
  version       int          not null default 0
);
create index crm_case_customer_open on crm_case (customer_id) where status not in ('RESOLVED', 'CLOSED', 'CANCELLED');
create index crm_case_partner on crm_case (partner_id, status);
create index crm_case_status on crm_case (status, sla_due_at);

-- The audit trail of a case: every status change, who made it and why it is late.
create table crm_case_event (
  id            bigserial    primary key,
  case_id       varchar(64)  not null references crm_case (id) on delete cascade,
  at            timestamptz  not null,
  status        varchar(16)  not null,
  actor         varchar(128) not null,
  partner_id    varchar(64),
  note          varchar(1000),
  delay_reason  varchar(200)
);
create index crm_case_event_case on crm_case_event (case_id, id);

-- Call recordings stay where the recorder put them; we keep the URI and metadata, linked to a contact and/or case.
create table crm_recording (
  id                varchar(64)   primary key,
  customer_id       varchar(64)   not null references crm_customer (id) on delete cascade,
  interaction_id    varchar(64),
  case_id           varchar(64)   references crm_case (id) on delete cascade,
  uri               varchar(1000) not null,
  media_type        varchar(64)   not null,
  duration_seconds  double precision,
  recorded_at       timestamptz   not null,
  metadata          jsonb         not null default '{}'
);
create index crm_recording_interaction on crm_recording (interaction_id);
create index crm_recording_case on crm_recording (case_id);
create index crm_recording_customer on crm_recording (customer_id);
