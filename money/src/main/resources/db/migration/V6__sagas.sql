-- Top-ups and withdrawals: sagas with banking (dev.moa.money.bank). A saga's id is also the commandId of its
-- RequestFirmbanking, so banking's answer (FirmbankingSucceeded / FirmbankingFailed) names the saga it ends.
--
-- REQUESTED -> COMPLETED | FAILED | NEEDS_REVIEW, nothing else (BankSagaStatus names the transitions; the trigger
-- below refuses any other). A final saga never changes again: a second answer for it, whatever its event id, is
-- ignored, so a top-up is credited at most once. The ledger effects use ids derived from the saga id (see
-- BankSagaIds), so even a replayed step posts the same transfer, which the ledger posts once.
--
-- Lock order: the saga row, then (in the ledger and hold functions) the accounts by id, then the hold. Nothing locks a
-- saga while holding an account, so sagas cannot deadlock with transfers or holds.

create table top_ups (
    id                  uuid primary key,
    member_id           uuid        not null,
    wallet_account_id   uuid        not null references accounts (id),
    bank_account_id     uuid        not null,
    amount              bigint      not null check (amount > 0),
    status              text        not null check (status in ('REQUESTED', 'COMPLETED', 'FAILED', 'NEEDS_REVIEW')),
    -- The TOP_UP transfer (bank clearing -> wallet); only a COMPLETED top-up has one.
    transfer_id         uuid references transfers (id),
    -- The bank's id of its transfer, as banking reported it (on success).
    bank_transaction_id text check (length(bank_transaction_id) <= 100),
    -- Why it failed (banking's reason) or needs review (money's), and a sentence for people.
    reason              text check (length(reason) <= 40),
    detail              text check (length(detail) <= 500),
    requested_at        timestamptz not null,
    finished_at         timestamptz,
    constraint top_ups_finished check ((status = 'REQUESTED') = (finished_at is null)),
    constraint top_ups_credited check ((status = 'COMPLETED') = (transfer_id is not null))
);

create index top_ups_by_member on top_ups (member_id, requested_at desc, id desc);
create index top_ups_open on top_ups (member_id) where status = 'REQUESTED';
create index top_ups_needing_review on top_ups (finished_at) where status = 'NEEDS_REVIEW';

create table withdrawals (
    id                  uuid primary key,
    member_id           uuid        not null,
    wallet_account_id   uuid        not null references accounts (id),
    bank_account_id     uuid        not null,
    amount              bigint      not null check (amount > 0),
    -- The hold that keeps the amount from being spent while the bank pays out.
    hold_id             uuid        not null unique references holds (id),
    status              text        not null check (status in ('REQUESTED', 'COMPLETED', 'FAILED', 'NEEDS_REVIEW')),
    -- The WITHDRAWAL transfer (wallet -> bank clearing); only a COMPLETED withdrawal has one.
    transfer_id         uuid references transfers (id),
    bank_transaction_id text check (length(bank_transaction_id) <= 100),
    reason              text check (length(reason) <= 40),
    detail              text check (length(detail) <= 500),
    requested_at        timestamptz not null,
    finished_at         timestamptz,
    constraint withdrawals_finished check ((status = 'REQUESTED') = (finished_at is null)),
    constraint withdrawals_paid check ((status = 'COMPLETED') = (transfer_id is not null))
);

create index withdrawals_by_member on withdrawals (member_id, requested_at desc, id desc);
create index withdrawals_open on withdrawals (member_id) where status = 'REQUESTED';
create index withdrawals_needing_review on withdrawals (finished_at) where status = 'NEEDS_REVIEW';

-- Only REQUESTED may change, only to a final state, and never the terms: the backstop of BankSagaStatus.
create function moa_bank_saga_transition() returns trigger language plpgsql as $$
begin
    if old.status <> 'REQUESTED' or new.status = 'REQUESTED' or new.id <> old.id or new.member_id <> old.member_id
            or new.wallet_account_id <> old.wallet_account_id or new.bank_account_id <> old.bank_account_id
            or new.amount <> old.amount or new.requested_at <> old.requested_at then
        raise exception '% %: % -> % is not a transition', tg_table_name, old.id, old.status, new.status;
    end if;
    return new;
end;
$$;

create function moa_bank_saga_kept() returns trigger language plpgsql as $$
begin
    raise exception '% are never deleted', tg_table_name;
end;
$$;

create trigger top_ups_transitions before update on top_ups
    for each row execute function moa_bank_saga_transition();

create trigger top_ups_kept before delete on top_ups
    for each row execute function moa_bank_saga_kept();

-- withdrawals has the same columns plus hold_id, which the trigger function does not read; hold_id is checked here.
create function moa_withdrawal_hold_kept() returns trigger language plpgsql as $$
begin
    if new.hold_id <> old.hold_id then
        raise exception 'withdrawal %: its hold never changes', old.id;
    end if;
    return new;
end;
$$;

create trigger withdrawals_transitions before update on withdrawals
    for each row execute function moa_bank_saga_transition();

create trigger withdrawals_hold_kept before update on withdrawals
    for each row execute function moa_withdrawal_hold_kept();

create trigger withdrawals_kept before delete on withdrawals
    for each row execute function moa_bank_saga_kept();
