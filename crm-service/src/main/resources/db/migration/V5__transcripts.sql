-- Chat, SMS and e-mail messages (from cc.messaging): a conversation's transcript is its interaction's, so the timeline
-- shows what was written beside what happened. Only messages of known customers are kept; an erasure deletes them.
create table crm_message (
  id              varchar(64)  primary key,
  interaction_id  varchar(64)  not null,
  customer_id     varchar(64)  not null references crm_customer (id) on delete cascade,
  conversation_id varchar(64)  not null,
  seq             bigint       not null,
  direction       varchar(8)   not null,
  author          varchar(200),
  body            text         not null,
  sent_at         timestamptz  not null
);
create index crm_message_interaction on crm_message (interaction_id, seq);
create index crm_message_customer on crm_message (customer_id);
