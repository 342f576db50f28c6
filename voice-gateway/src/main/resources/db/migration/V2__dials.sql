-- Callback dial-outs: one row per callback attempt, so a redelivered callback.dialing never dials a customer twice.
create table voice_dial (
    callback_id  text not null,
    attempt      integer not null,
    instance_id  text not null,
    phone        text not null,
    started_at   timestamptz not null,
    outcome      text,
    sip_status   integer,
    primary key (callback_id, attempt)
);
