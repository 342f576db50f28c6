-- Per-queue callback policy. Requests, attempts and scheduling come with the callback issue.
create table cb_policy (
  queue_id                 varchar(64) primary key,
  max_attempts             integer     not null,
  min_retry_interval_s     integer     not null,
  max_per_number_per_day   integer     not null,
  min_abandon_wait_s       integer     not null,
  auto_return_abandoned    boolean     not null,
  time_zone                varchar(64) not null,
  updated_at               timestamptz not null
);
