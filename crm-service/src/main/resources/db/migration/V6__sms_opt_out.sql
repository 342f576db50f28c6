-- The customer's own STOP / START by SMS (from messaging-service's conversation.opt-out-changed): no SMS is sent to a
-- customer who opted out. Set only by the customer's keyword, never by an API write.
alter table crm_customer add column do_not_text boolean not null default false;
