-- Media quality of every call the voice gateway carried (voice.call-ended on cc.voice), one row per call. The queue
-- comes from rpt_contact at query time (a transferred contact counts in the queue it ended in). MOS is null for a
-- stream that carried no packet at all.
create table rpt_call_quality (
  call_id            varchar(255) primary key,
  contact_id         varchar(64),
  agent_id           varchar(64),
  direction          varchar(8) not null,
  ended_at           timestamptz not null,
  connected_seconds  double precision not null,
  packets            bigint not null,
  loss_ratio         double precision not null,
  jitter_ms          double precision not null,
  mos                double precision,
  agent_loss_ratio   double precision,
  agent_jitter_ms    double precision,
  agent_mos          double precision,
  one_way_audio      boolean not null
);
create index rpt_call_quality_contact on rpt_call_quality (contact_id);
create index rpt_call_quality_agent on rpt_call_quality (agent_id, ended_at);
