-- Versioned call flows (draft → published, published versions immutable) and call sessions.
create table ivr_flow (
  flow_id         varchar(64)  primary key,
  active_version  integer,
  updated_at      timestamptz  not null
);

create table ivr_flow_version (
  flow_id       varchar(64)  not null references ivr_flow (flow_id) on delete cascade,
  version       integer      not null,
  status        varchar(16)  not null,
  format        varchar(8)   not null,
  source        text         not null,
  created_at    timestamptz  not null,
  created_by    varchar(128) not null,
  published_at  timestamptz,
  primary key (flow_id, version)
);
create unique index ivr_flow_one_draft on ivr_flow_version (flow_id) where status = 'DRAFT';

create table ivr_session (
  id            varchar(64)  primary key,
  call_id       varchar(128) not null unique,
  contact_id    varchar(64)  not null unique,
  flow_id       varchar(64)  not null,
  flow_version  integer      not null,
  from_number   varchar(32),
  to_number     varchar(32)  not null,
  state         varchar(16)  not null,
  node          varchar(64),
  variables     jsonb        not null,
  retries       integer      not null default 0,
  waiting       boolean      not null default false,
  queue_id      varchar(64),
  enqueued_at   timestamptz,
  hold          jsonb,
  agent_id      varchar(64),
  after_call    varchar(64),
  outcome       varchar(32),
  started_at    timestamptz  not null,
  updated_at    timestamptz  not null,
  ended_at      timestamptz,
  version       integer      not null default 0
);
create index ivr_session_active on ivr_session (state) where state <> 'ENDED';
