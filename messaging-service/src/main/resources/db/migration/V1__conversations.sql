-- Conversations on chat, SMS and e-mail, and their messages. One conversation may open several times (a customer's
-- reply reopens a closed one); each opening is one routing contact, contact_id, and older ones stay in msg_opening.
create table msg_conversation (
  id                varchar(64)  primary key,
  channel           varchar(16)  not null,
  status            varchar(16)  not null check (status in ('QUEUED', 'ASSIGNED', 'CLOSED')),
  -- web chat: the customer's secret, stored only as its SHA-256
  token_hash        varchar(64),
  customer_id       varchar(64),
  display_name      varchar(200),
  email             varchar(320),
  phone             varchar(32),
  queue_id          varchar(64)  not null,
  contact_id        varchar(64)  not null unique,
  openings          int          not null default 1,
  agent_id          varchar(64),
  last_agent_id     varchar(64),
  subject           varchar(300),
  position          int,
  ewt_seconds       double precision,
  opened_at         timestamptz  not null,
  first_response_at timestamptz,
  last_activity_at  timestamptz  not null,
  closed_at         timestamptz,
  close_reason      varchar(16),
  -- a close the service asked routing for (idle while an agent held it): applied when routing completes the contact
  closing_reason    varchar(16),
  last_seq          bigint       not null default 0,
  created_at        timestamptz  not null
);
create index msg_conversation_agent on msg_conversation (agent_id) where status = 'ASSIGNED';
create index msg_conversation_open on msg_conversation (last_activity_at) where status <> 'CLOSED';

create table msg_opening (
  contact_id      varchar(64)  primary key,
  conversation_id varchar(64)  not null references msg_conversation (id) on delete cascade,
  opened_at       timestamptz  not null
);

create table msg_message (
  conversation_id varchar(64)  not null references msg_conversation (id) on delete cascade,
  seq             bigint       not null,
  id              varchar(64)  not null unique,
  contact_id      varchar(64)  not null,
  direction       varchar(8)   not null check (direction in ('IN', 'OUT', 'SYSTEM')),
  author          varchar(200),
  body            text         not null,
  -- the sender's own id for the message: a retried post finds it and is not stored twice
  client_id       varchar(64),
  created_at      timestamptz  not null,
  primary key (conversation_id, seq)
);
create unique index msg_message_client on msg_message (conversation_id, client_id) where client_id is not null;
