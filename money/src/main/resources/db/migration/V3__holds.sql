-- Two-phase transfers (holds), as TigerBeetle's pending transfers: a hold reserves money in its debit account
-- (debits_pending) so it cannot be spent twice; a capture posts all or part of it as a transfer and releases the rest;
-- a void or the expiry releases all of it. The id is the client's idempotency key (the command's holdId).
--
-- Lock order, in every function here and in moa_post_transfer: the accounts by id, then the hold. Nothing waits for
-- an account while holding a hold, so holds and transfers cannot deadlock each other.
create table holds (
    id               uuid primary key,
    debit_account_id uuid        not null references accounts (id),
    amount           bigint      not null check (amount > 0),
    captured_amount  bigint,
    -- The capture's posted transfer: an idempotent replay of the capture names the same one.
    transfer_id      uuid references transfers (id),
    status           text        not null check (status in ('PENDING', 'CAPTURED', 'VOIDED', 'EXPIRED')),
    expires_at       timestamptz not null,
    reference        text,
    created_at       timestamptz not null,
    closed_at        timestamptz,
    constraint holds_closed check ((status = 'PENDING') = (closed_at is null)),
    constraint holds_captured check ((status = 'CAPTURED') = (transfer_id is not null)
        and (status = 'CAPTURED') = (captured_amount is not null)),
    constraint holds_capture_within check (captured_amount is null or captured_amount between 1 and amount)
);

create index holds_expiring on holds (expires_at) where status = 'PENDING';
create index holds_by_account on holds (debit_account_id, created_at desc);

-- A hold never goes back to PENDING and never changes its terms; only its closing is written.
create function moa_hold_transition() returns trigger language plpgsql as $$
begin
    if old.status <> 'PENDING' or new.status = 'PENDING' or new.id <> old.id
            or new.debit_account_id <> old.debit_account_id or new.amount <> old.amount
            or new.expires_at <> old.expires_at or new.created_at <> old.created_at then
        raise exception 'hold %: % -> % is not a transition', old.id, old.status, new.status;
    end if;
    return new;
end;
$$;

create trigger holds_transitions before update on holds
    for each row execute function moa_hold_transition();

create function moa_forbid_delete() returns trigger language plpgsql as $$
begin
    raise exception 'holds are never deleted';
end;
$$;

create trigger holds_kept before delete on holds
    for each row execute function moa_forbid_delete();

-- Places a hold of p_amount on p_debit until p_expires_at. Answers PLACED, DUPLICATE (the id exists: the caller
-- compares terms), INSUFFICIENT_FUNDS (credits - debits_posted - debits_pending does not cover it) or
-- UNKNOWN_ACCOUNT; changes nothing unless it answers PLACED.
create function moa_place_hold(p_id uuid, p_debit uuid, p_amount bigint, p_expires_at timestamptz, p_reference text)
    returns text language plpgsql as $$
declare
    d        accounts;
    inserted int;
begin
    if p_amount is null or p_amount <= 0 then
        raise exception 'amount must be positive';
    end if;
    select * into d from accounts where id = p_debit for update;
    if exists (select 1 from holds where id = p_id) then
        return 'DUPLICATE';
    end if;
    if d.id is null then
        return 'UNKNOWN_ACCOUNT';
    end if;
    if d.debits_pending > 9223372036854775807 - p_amount then
        return 'OVERFLOW';
    end if;
    if d.no_overdraft and d.debits_posted + d.debits_pending + p_amount > d.credits_posted then
        return 'INSUFFICIENT_FUNDS';
    end if;
    -- Another transaction may place the same id on another account at the same moment: the key decides.
    insert into holds (id, debit_account_id, amount, status, expires_at, reference, created_at)
    values (p_id, p_debit, p_amount, 'PENDING', p_expires_at, p_reference, clock_timestamp())
    on conflict (id) do nothing;
    get diagnostics inserted = row_count;
    if inserted = 0 then
        return 'DUPLICATE';
    end if;
    update accounts set debits_pending = debits_pending + p_amount where id = p_debit;
    return 'PLACED';
end;
$$;

-- Captures p_amount (1 .. the hold's amount) of a pending hold into p_credit as the posted transfer p_transfer, and
-- releases the whole hold from debits_pending (the remainder goes back to available). Answers CAPTURED,
-- ALREADY_CAPTURED (captured before by this very transfer id: a replay), NOT_PENDING (voided, expired, past its
-- expiry, or captured by another transfer id), EXCEEDS_HOLD, UNKNOWN_HOLD, UNKNOWN_CREDIT_ACCOUNT, SAME_ACCOUNT,
-- CURRENCY_MISMATCH, OVERFLOW or TRANSFER_ID_USED; changes nothing unless it answers CAPTURED.
create function moa_capture_hold(p_hold uuid, p_transfer uuid, p_credit uuid, p_amount bigint, p_kind text,
                                 p_reference text, p_memo text)
    returns text language plpgsql as $$
declare
    v_debit uuid;
    h       holds;
    d       accounts;
    c       accounts;
begin
    if p_amount is null or p_amount <= 0 then
        raise exception 'amount must be positive';
    end if;
    -- The debit account of a hold never changes, so it may be read before the locks that order everything.
    select debit_account_id into v_debit from holds where id = p_hold;
    if not found then
        return 'UNKNOWN_HOLD';
    end if;
    perform 1 from accounts where id in (v_debit, p_credit) order by id for update;
    select * into h from holds where id = p_hold for update;
    if h.status = 'CAPTURED' then
        return case when h.transfer_id = p_transfer then 'ALREADY_CAPTURED' else 'NOT_PENDING' end;
    end if;
    if h.status <> 'PENDING' or h.expires_at <= clock_timestamp() then
        return 'NOT_PENDING';
    end if;
    if p_amount > h.amount then
        return 'EXCEEDS_HOLD';
    end if;
    if v_debit = p_credit then
        return 'SAME_ACCOUNT';
    end if;
    select * into c from accounts where id = p_credit;
    if not found then
        return 'UNKNOWN_CREDIT_ACCOUNT';
    end if;
    select * into d from accounts where id = v_debit;
    if d.currency <> c.currency then
        return 'CURRENCY_MISMATCH';
    end if;
    if c.credits_posted > 9223372036854775807 - p_amount or d.debits_posted > 9223372036854775807 - p_amount then
        return 'OVERFLOW';
    end if;
    if exists (select 1 from transfers where id = p_transfer) then
        return 'TRANSFER_ID_USED';
    end if;
    -- One statement, so the overdraft check sees the release and the posting together; it holds because the
    -- posted part never exceeds what was pending.
    update accounts set debits_pending = debits_pending - h.amount, debits_posted = debits_posted + p_amount
    where id = v_debit;
    update accounts set credits_posted = credits_posted + p_amount where id = p_credit;
    insert into transfers (id, debit_account_id, credit_account_id, amount, kind, reference, memo, initiated_by,
                           created_at)
    values (p_transfer, v_debit, p_credit, p_amount, coalesce(p_kind, 'HOLD_CAPTURE'), p_reference, p_memo, null,
            clock_timestamp());
    update holds set status = 'CAPTURED', captured_amount = p_amount, transfer_id = p_transfer,
                     closed_at = clock_timestamp()
    where id = p_hold;
    return 'CAPTURED';
end;
$$;

-- Voids a pending hold: all of it goes back to available. Answers VOIDED, ALREADY_VOIDED, NOT_PENDING (captured or
-- expired) or UNKNOWN_HOLD; changes nothing unless it answers VOIDED. A hold past its expiry that the expiry job has
-- not reached yet may still be voided: either way it is released.
create function moa_void_hold(p_hold uuid) returns text language plpgsql as $$
declare
    v_debit uuid;
    h       holds;
begin
    select debit_account_id into v_debit from holds where id = p_hold;
    if not found then
        return 'UNKNOWN_HOLD';
    end if;
    perform 1 from accounts where id = v_debit for update;
    select * into h from holds where id = p_hold for update;
    if h.status = 'VOIDED' then
        return 'ALREADY_VOIDED';
    end if;
    if h.status <> 'PENDING' then
        return 'NOT_PENDING';
    end if;
    update accounts set debits_pending = debits_pending - h.amount where id = v_debit;
    update holds set status = 'VOIDED', closed_at = clock_timestamp() where id = p_hold;
    return 'VOIDED';
end;
$$;

-- Expires up to p_limit pending holds whose expiry is at or before p_now, releasing them, and returns those it
-- expired. Several instances may run it at once: it never waits for a lock (SKIP LOCKED on the account, then on the
-- hold, in the global order), so it neither blocks a transfer nor deadlocks; a hold it skips is expired next run.
create function moa_expire_holds(p_now timestamptz, p_limit int)
    returns table (hold_id uuid, debit_account_id uuid, amount bigint, reference text)
    language plpgsql as $$
declare
    candidate record;
    h         holds;
begin
    for candidate in
        select x.id, x.debit_account_id from (
            select e.id, e.debit_account_id from holds e
            where e.status = 'PENDING' and e.expires_at <= p_now
            order by e.expires_at
            limit p_limit) x
        order by x.debit_account_id, x.id
    loop
        perform 1 from accounts a where a.id = candidate.debit_account_id for update skip locked;
        if not found then
            continue;
        end if;
        select * into h from holds e where e.id = candidate.id and e.status = 'PENDING' for update skip locked;
        if not found then
            continue;
        end if;
        update accounts a set debits_pending = a.debits_pending - h.amount where a.id = h.debit_account_id;
        update holds e set status = 'EXPIRED', closed_at = clock_timestamp() where e.id = h.id;
        hold_id := h.id;
        debit_account_id := h.debit_account_id;
        amount := h.amount;
        reference := h.reference;
        return next;
    end loop;
end;
$$;
