-- Idempotency-Key of HTTP commands: the first response, kept for replay.
create table moa_idempotency (
    owner         text        not null,
    idem_key      text        not null,
    request_hash  text        not null,
    status_code   integer,
    response_body text,
    location      text,
    created_at    timestamptz not null default now(),
    primary key (owner, idem_key)
);

create index moa_idempotency_created on moa_idempotency (created_at);
