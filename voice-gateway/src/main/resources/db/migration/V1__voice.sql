-- Agents' softphone credentials: the digest HA1 = MD5(username:realm:password), never the password itself.
create table voice_phone (
    agent_id    text primary key,
    username    text not null unique,
    realm       text not null,
    ha1         text not null,
    updated_at  timestamptz not null
);

-- Where each agent's phone is registered now; any replica finds it here and rings it.
create table voice_registration (
    agent_id     text primary key references voice_phone (agent_id) on delete cascade,
    contact_uri  text not null,
    source       text not null,
    instance_id  text not null,
    expires_at   timestamptz not null,
    updated_at   timestamptz not null
);

-- Uploaded prompts (hold music, announcements) as 8 kHz μ-law.
create table voice_prompt (
    name        text primary key,
    ulaw        bytea not null,
    updated_at  timestamptz not null
);

-- Calls a replica holds: after a crash its successor (or the replica itself, restarted) ends them in the IVR and
-- routing, so no agent stays busy with a call that no longer exists.
create table voice_call (
    call_id      text primary key,
    instance_id  text not null,
    session_id   text,
    contact_id   text,
    agent_id     text,
    state        text not null,
    started_at   timestamptz not null,
    ended_at     timestamptz
);
create index voice_call_open on voice_call (instance_id) where ended_at is null;

create table voice_instance (
    instance_id  text primary key,
    seen_at      timestamptz not null
);
