-- Per-queue counters of the current day, kept as events arrive, so the real-time snapshot reads one row per queue
-- instead of aggregating every contact of the day.
create table rpt_queue_day (
  queue_id         varchar(64)  not null,
  day              date         not null,
  offered          integer      not null default 0,
  answered         integer      not null default 0,
  answered_within  integer      not null default 0,
  abandoned        integer      not null default 0,
  last_ewt         double precision,
  last_queued_at   timestamptz,
  primary key (queue_id, day)
);
