-- Calls the cloud-voice adapter runs: the provider names a call by its CallSid in every webhook, so any replica finds
-- the IVR session here. pending_turn keeps the turn that made a waiting caller leave the queue (the bridge), for the
-- Enqueue's action request that follows.
create table voice_twilio_call (
    call_sid      text primary key,
    account_sid   text,
    session_id    text not null,
    contact_id    text,
    state         text not null,
    pending_turn  text,
    started_at    timestamptz not null,
    ended_at      timestamptz
);
