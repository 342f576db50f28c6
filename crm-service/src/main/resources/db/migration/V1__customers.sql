-- Customers and their phone identities (E.164). Cases, partners and history come with the CRM issue.
create table crm_customer (
  id           varchar(64)  primary key,
  display_name varchar(200) not null,
  email        varchar(320),
  language     varchar(8),
  segment      varchar(16)  not null,
  created_at   timestamptz  not null,
  updated_at   timestamptz  not null
);
create table crm_phone (
  phone       varchar(20) primary key,
  customer_id varchar(64) not null references crm_customer (id) on delete cascade
);
create index crm_phone_customer on crm_phone (customer_id);
