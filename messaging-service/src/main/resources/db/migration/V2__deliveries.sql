-- Messages that leave by a provider (SMS, e-mail): each waits here until it is sent; a crash between the message and
-- its sending loses nothing, and a send that failed is tried again. An SMS longer than one provider message goes out
-- in parts, each with the provider's id, whose status callbacks land in msg_delivery_part.
create table msg_delivery (
  message_id      varchar(64)  primary key references msg_message (id) on delete cascade,
  conversation_id varchar(64)  not null,
  channel         varchar(16)  not null,
  recipient       varchar(320) not null,
  status          varchar(16)  not null check (status in ('PENDING', 'SENT', 'DELIVERED', 'FAILED', 'BLOCKED')),
  attempts        int          not null default 0,
  next_attempt_at timestamptz  not null,
  error           varchar(500),
  updated_at      timestamptz  not null
);
create index msg_delivery_due on msg_delivery (next_attempt_at) where status = 'PENDING';

create table msg_delivery_part (
  provider_id varchar(64)  primary key,
  message_id  varchar(64)  not null references msg_delivery (message_id) on delete cascade,
  part        int          not null,
  status      varchar(16)  not null,
  error       varchar(200),
  updated_at  timestamptz  not null
);
create index msg_delivery_part_message on msg_delivery_part (message_id);

-- Opt-outs by keyword (STOP / START), per channel and address: nothing is sent to an opted-out address.
create table msg_opt_out (
  channel    varchar(16)  not null,
  address    varchar(320) not null,
  opted_out  boolean      not null,
  keyword    varchar(32),
  changed_at timestamptz  not null,
  primary key (channel, address)
);

-- e-mail threads: the Message-IDs of a conversation's mails, so a reply's In-Reply-To/References finds it
create table msg_thread_ref (
  message_ref     varchar(320) primary key,
  filed           bigserial    not null,
  conversation_id varchar(64)  not null references msg_conversation (id) on delete cascade
);
create index msg_conversation_sms on msg_conversation (phone, last_activity_at desc) where channel = 'SMS';
