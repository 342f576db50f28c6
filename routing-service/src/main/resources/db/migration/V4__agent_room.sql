-- Whether the agent may have room for one more contact on some channel. Written with every load change
-- (exact) and on profile changes (true: the next pass checks); passes skip agents without room, which at
-- peak are most of them.
alter table routing_agent add column has_room boolean not null default true;
drop index routing_agent_routable;
create index routing_agent_routable on routing_agent (id) where presence = 'AVAILABLE' and has_room;
