-- Contacts known to routing. Queues, agents and offers arrive with the ACD issue.
create table routing_contact (
  id                 varchar(64)  primary key,
  queue_id           varchar(64)  not null,
  channel            varchar(16)  not null,
  priority           integer      not null check (priority between 0 and 100),
  state              varchar(16)  not null,
  attributes         text,
  required_skills    text,
  parent_contact_id  varchar(64),
  queued_at          timestamptz  not null,
  virtual_start_time timestamptz  not null,
  version            bigint       not null default 0
);
create index routing_contact_waiting on routing_contact (queue_id, priority desc, virtual_start_time) where state = 'QUEUED';
