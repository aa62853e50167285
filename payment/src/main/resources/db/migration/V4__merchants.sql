-- Merchants (franchises) of sellers and the payments members make to them from their wallets. Money has no account per
-- merchant: a payment moves the payer's wallet to SETTLEMENT_PAYABLE (reference merchant:<id>), and this table is the
-- merchant's payable ledger until settlement pays it out. The fee rate is set by an administrator only.
create table merchants (
    id         uuid primary key,
    seller_id  uuid        not null,
    name       text        not null,
    fee_bps    integer     not null check (fee_bps between 0 and 10000),
    created_at timestamptz not null,
    updated_at timestamptz not null
);

create index merchants_by_seller on merchants (seller_id, created_at desc, id);

create table payments (
    id             uuid primary key,
    merchant_id    uuid        not null references merchants (id),
    payer_id       uuid        not null,
    amount         bigint      not null check (amount between 1 and 100000000),
    order_ref      text        not null,
    status         text        not null check (status in ('PENDING', 'COMPLETED', 'FAILED')),
    command_id     uuid        not null unique,
    failure_reason text,
    -- Refunds asked or done (a refund reserves its amount when asked, gives it back if money refuses it).
    refunded       bigint      not null default 0,
    settlement_id  uuid,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    completed_at   timestamptz,
    constraint payments_refunds check (refunded between 0 and amount),
    constraint payments_completed check ((status = 'COMPLETED') = (completed_at is not null))
);

create index payments_by_payer on payments (payer_id, created_at desc, id);
create index payments_unsettled on payments (merchant_id, completed_at) where status = 'COMPLETED' and settlement_id is null;

create table refunds (
    id             uuid primary key,
    payment_id     uuid        not null references payments (id),
    amount         bigint      not null check (amount > 0),
    status         text        not null check (status in ('PENDING', 'COMPLETED', 'FAILED')),
    command_id     uuid        not null unique,
    failure_reason text,
    settlement_id  uuid,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    completed_at   timestamptz
);

create index refunds_by_payment on refunds (payment_id);
create index refunds_unsettled on refunds (completed_at) where status = 'COMPLETED' and settlement_id is null;
