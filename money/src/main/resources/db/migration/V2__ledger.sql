-- The double-entry ledger. Balances are counters kept with each posting, in the same transaction; every transfer
-- debits one account and credits another by the same amount, so the sum of (credits - debits) over all accounts is
-- always zero: the system accounts are the counterpart of the wallets.
create table accounts (
    id             uuid primary key,
    kind           text        not null check (kind in ('MEMBER_WALLET', 'GROUP_WALLET', 'SYSTEM')),
    owner_id       uuid,
    code           text,
    currency       text        not null check (currency ~ '^[A-Z]{3}$'),
    debits_posted  bigint      not null default 0 check (debits_posted >= 0),
    credits_posted bigint      not null default 0 check (credits_posted >= 0),
    debits_pending bigint      not null default 0 check (debits_pending >= 0),
    -- Wallets: what is posted and held as debits never exceeds the credits (no negative wallet), enforced here too.
    no_overdraft   boolean     not null,
    created_at     timestamptz not null,
    constraint accounts_no_overdraft check (not no_overdraft or debits_posted + debits_pending <= credits_posted),
    constraint accounts_owned check ((kind = 'SYSTEM') = (owner_id is null) and (kind = 'SYSTEM') = (code is not null))
);

create unique index accounts_by_owner on accounts (kind, owner_id) where owner_id is not null;
create unique index accounts_by_code on accounts (code) where code is not null;

insert into accounts (id, kind, code, currency, no_overdraft, created_at) values
    ('00000000-0000-4000-8000-000000000001', 'SYSTEM', 'BANK_CLEARING', 'KRW', false, now()),
    ('00000000-0000-4000-8000-000000000002', 'SYSTEM', 'ESCROW', 'KRW', false, now()),
    ('00000000-0000-4000-8000-000000000003', 'SYSTEM', 'FEES_REVENUE', 'KRW', false, now()),
    ('00000000-0000-4000-8000-000000000004', 'SYSTEM', 'SETTLEMENT_PAYABLE', 'KRW', false, now());

-- Immutable: rows are only ever inserted. The id is the client's (or the command's) idempotency key.
create table transfers (
    id                uuid primary key,
    debit_account_id  uuid        not null references accounts (id),
    credit_account_id uuid        not null references accounts (id),
    amount            bigint      not null check (amount > 0),
    kind              text        not null check (kind in ('TOP_UP', 'WITHDRAWAL', 'REMITTANCE', 'DUES', 'PAYOUT',
                                                            'HOLD_CAPTURE', 'PAYMENT', 'SETTLEMENT', 'FEE', 'REFUND')),
    reference         text,
    memo              text,
    initiated_by      uuid,
    created_at        timestamptz not null,
    constraint transfers_two_accounts check (debit_account_id <> credit_account_id)
);

create index transfers_by_debit on transfers (debit_account_id, created_at desc, id desc);
create index transfers_by_credit on transfers (credit_account_id, created_at desc, id desc);

create function moa_forbid_change() returns trigger language plpgsql as $$
begin
    raise exception 'ledger transfers are immutable';
end;
$$;

create trigger transfers_immutable before update or delete on transfers
    for each row execute function moa_forbid_change();

-- Posts one transfer in the caller's transaction, in one round trip. Both accounts are locked in id order, so two
-- transfers in opposite directions cannot deadlock; the id is checked after the locks, so a retry of the same
-- transfer (same accounts) finds the first one. Answers POSTED, DUPLICATE (the id exists), INSUFFICIENT_FUNDS,
-- UNKNOWN_DEBIT_ACCOUNT, UNKNOWN_CREDIT_ACCOUNT, CURRENCY_MISMATCH, SAME_ACCOUNT or OVERFLOW; changes nothing unless
-- it answers POSTED.
create function moa_post_transfer(p_id uuid, p_debit uuid, p_credit uuid, p_amount bigint, p_kind text,
                                  p_reference text, p_memo text, p_initiated_by uuid)
    returns text language plpgsql as $$
declare
    d accounts;
    c accounts;
begin
    if p_amount is null or p_amount <= 0 then
        raise exception 'amount must be positive';
    end if;
    if p_debit = p_credit then
        return 'SAME_ACCOUNT';
    end if;
    perform 1 from accounts where id in (p_debit, p_credit) order by id for update;
    if exists (select 1 from transfers where id = p_id) then
        return 'DUPLICATE';
    end if;
    select * into d from accounts where id = p_debit;
    if not found then
        return 'UNKNOWN_DEBIT_ACCOUNT';
    end if;
    select * into c from accounts where id = p_credit;
    if not found then
        return 'UNKNOWN_CREDIT_ACCOUNT';
    end if;
    if d.currency <> c.currency then
        return 'CURRENCY_MISMATCH';
    end if;
    if c.credits_posted > 9223372036854775807 - p_amount or d.debits_posted > 9223372036854775807 - p_amount then
        return 'OVERFLOW';
    end if;
    if d.no_overdraft and d.debits_posted + d.debits_pending + p_amount > d.credits_posted then
        return 'INSUFFICIENT_FUNDS';
    end if;
    update accounts set debits_posted = debits_posted + p_amount where id = p_debit;
    update accounts set credits_posted = credits_posted + p_amount where id = p_credit;
    insert into transfers (id, debit_account_id, credit_account_id, amount, kind, reference, memo, initiated_by,
                           created_at)
    values (p_id, p_debit, p_credit, p_amount, p_kind, p_reference, p_memo, p_initiated_by, clock_timestamp());
    return 'POSTED';
end;
$$;

-- Money's own copy of who is who, kept from membership's events: e-mail and region of members (remittance by
-- e-mail, money by region) and the members and roles of groups (who may see or pay out of a group wallet).
create table member_directory (
    member_id uuid primary key,
    email     text not null,
    region    text not null
);

-- Not unique: e-mail changes of two members may arrive in either order.
create index member_directory_email on member_directory (lower(email));

create table group_roles (
    group_id  uuid not null,
    member_id uuid not null,
    role      text not null,
    primary key (group_id, member_id)
);
