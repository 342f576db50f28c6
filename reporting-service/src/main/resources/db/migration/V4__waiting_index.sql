-- The real-time snapshot reads only today's contacts and the ones still waiting, not the whole history.
create index rpt_contact_waiting on rpt_contact (queue_id, virtual_start_time) where state = 'WAITING';
