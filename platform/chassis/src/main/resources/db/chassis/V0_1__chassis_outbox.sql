-- Transactional outbox: events written in the same transaction as the state change, published by the relay.
create table moa_outbox (
    seq          bigint generated always as identity primary key,
    event_id     uuid        not null unique,
    topic        text        not null,
    event_type   text        not null,
    subject      text        not null,
    payload      json        not null, -- json keeps the bytes as written (jsonb would reformat them)
    occurred_at  timestamptz not null default now(),
    published_at timestamptz
);

-- The relay claims the oldest unpublished rows; both indexes only hold rows still to publish.
create index moa_outbox_pending on moa_outbox (seq) where published_at is null;
create index moa_outbox_pending_subject on moa_outbox (subject, seq) where published_at is null;
create index moa_outbox_published on moa_outbox (published_at) where published_at is not null;

-- Wakes the relay at commit (NOTIFY is delivered only when the writing transaction commits).
create function moa_outbox_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('moa_outbox', '');
    return null;
end;
$$;

create trigger moa_outbox_inserted
    after insert on moa_outbox
    for each statement execute function moa_outbox_notify();
