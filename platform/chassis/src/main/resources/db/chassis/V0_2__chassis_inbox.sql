-- Idempotent consumer: an event's id is recorded in the same transaction as its effect.
create table moa_inbox (
    consumer     text        not null,
    event_id     text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
