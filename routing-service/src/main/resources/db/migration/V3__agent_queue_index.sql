-- Queue memberships as rows, so a routing pass loads only the agents of queues that have contacts waiting.
create table routing_agent_queue (
  agent_id varchar(64) not null references routing_agent (id) on delete cascade,
  queue_id varchar(64) not null,
  primary key (queue_id, agent_id)
);
insert into routing_agent_queue (agent_id, queue_id)
  select a.id, q.key from routing_agent a, json_each(a.profile::json -> 'queues') q;
