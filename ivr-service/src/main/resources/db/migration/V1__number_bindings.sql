-- Dialled number → call flow. Versioned flows and sessions come with the IVR issue.
create table ivr_number (
  e164       varchar(20) primary key,
  flow_id    varchar(64) not null,
  updated_at timestamptz not null,
  updated_by varchar(128) not null
);
