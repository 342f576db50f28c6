-- First response times of chat, SMS and e-mail contacts, from messaging-service's conversation.closed. A table of its
-- own rather than a column of rpt_contact: the two topics are not ordered, so the close may come before the contact.
create table rpt_first_response (
  contact_id varchar(64)      primary key,
  channel    varchar(16)      not null,
  seconds    double precision not null
);
