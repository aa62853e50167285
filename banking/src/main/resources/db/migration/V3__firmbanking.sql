-- One firm-banking transfer asked by money (RequestFirmbanking), keyed by its command id, which is also the request
-- id the bank deduplicates on. The state machine is FirmbankingState; the columns say what the reconciliation job
-- needs to decide without guessing.
create table firmbanking_requests (
    command_id          uuid primary key,
    member_id           uuid,
    bank_account_id     uuid,
    direction           text,
    amount              bigint      not null,
    -- The account as it was when the command arrived, so that an unlink later does not orphan a transfer in flight.
    bank_code           text,
    account_number      text,
    state               text        not null
        check (state in ('SENT', 'UNKNOWN', 'UNREACHABLE', 'REVIEW', 'SUCCEEDED', 'FAILED')),
    -- Whether any send may have reached the bank (false only while every send was refused at connect).
    maybe_delivered     boolean     not null default false,
    sends               integer     not null default 0,
    checks              integer     not null default 0,
    requested_at        timestamptz,
    created_at          timestamptz not null default now(),
    last_sent_at        timestamptz,
    -- When the job looks at the request next; also the lease of whoever sends or asks the bank right now.
    next_check_at       timestamptz,
    review_since        timestamptz,
    last_problem        text,
    reason              text,
    detail              text,
    bank_transaction_id text,
    reconciled          boolean,
    decided_at          timestamptz,
    check ((state in ('SUCCEEDED', 'FAILED')) = (decided_at is not null))
);

create index firmbanking_requests_due on firmbanking_requests (next_check_at)
    where state in ('SENT', 'UNKNOWN', 'UNREACHABLE', 'REVIEW');
create index firmbanking_requests_review on firmbanking_requests (review_since) where state = 'REVIEW';
