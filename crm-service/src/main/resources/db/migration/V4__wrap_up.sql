-- The agent's wrap-up of a contact: a disposition code from cc.crm.dispositions and free notes. Notes are what the
-- agent wrote about the customer, so an erasure clears them with the rest of the customer's words.
alter table crm_interaction
  add column disposition varchar(32),
  add column wrap_notes  varchar(4000),
  add column wrapped_by  varchar(64),
  add column wrapped_at  timestamptz;
