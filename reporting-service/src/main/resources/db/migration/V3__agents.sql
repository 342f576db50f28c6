-- Real-time agent view, from cc.agents (state) and cc.contacts (contacts handled).
create table rpt_agent (
  agent_id         varchar(64) primary key,
  state            varchar(16) not null,
  reason_code      varchar(64),
  state_since      timestamptz not null,
  handled_day      date,
  contacts_handled integer not null default 0
);
