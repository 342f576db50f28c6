-- Dead letters, shared by every service (events module). Repeatable and idempotent, so it applies to databases of
-- any service whatever their own migration versions are.
-- A record a consumer could not process after its retries is parked here (and announced on cc.dead-letters) with
-- the error; its event id is claimed in cc_inbox in the same transaction, so the partition keeps flowing.
create table if not exists cc_dead_letter (
  consumer    varchar(128) not null,
  event_id    varchar(64)  not null,
  event_type  varchar(128),
  subject     varchar(128),
  topic       varchar(128),
  payload     text,
  error       text         not null,
  attempts    integer      not null,
  parked_at   timestamptz  not null default now(),
  replays     integer      not null default 0,
  replayed_at timestamptz,
  primary key (consumer, event_id)
);
create index if not exists cc_dead_letter_parked on cc_dead_letter (parked_at desc);
