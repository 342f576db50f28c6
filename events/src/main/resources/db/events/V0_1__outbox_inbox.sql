-- Transactional outbox and idempotent inbox, shared by every service (events module).
-- A service writes its state change and its outbox rows in one transaction; the relay publishes
-- unsent rows to Kafka in sequence order and stamps sent_at.
create table cc_outbox (
  seq        bigserial primary key,
  event_id   varchar(64)  not null unique,
  topic      varchar(128) not null,
  msg_key    varchar(128) not null,
  event_type varchar(128) not null,
  payload    text         not null,
  created_at timestamptz  not null default now(),
  sent_at    timestamptz
);
create index cc_outbox_unsent on cc_outbox (seq) where sent_at is null;

-- One row per (consumer, event id) processed: the second delivery of an event finds its row and is skipped.
create table cc_inbox (
  consumer    varchar(128) not null,
  event_id    varchar(64)  not null,
  received_at timestamptz  not null default now(),
  primary key (consumer, event_id)
);
create index cc_inbox_received on cc_inbox (received_at);
