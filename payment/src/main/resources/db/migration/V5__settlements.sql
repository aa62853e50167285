-- Settlement batches: one per (payee, business day in Asia/Seoul), by the unique key; the batch id is derived from
-- that key, so a rerun or a second instance finds the batch and pays nothing more. Items (paid orders, completed
-- merchant payments and refunds) are claimed by setting their settlement_id under their row locks, in the batch's
-- transaction, so an item is in one batch at most.
alter table orders add column settlement_id uuid;
create index orders_unsettled on orders (seller_id, updated_at) where status = 'PAID' and settlement_id is null;

create table settlements (
    id             uuid primary key,
    payee_kind     text        not null check (payee_kind in ('SELLER', 'MERCHANT')),
    payee_id       uuid        not null,
    -- Whose wallet is paid: the seller, or the merchant's seller.
    seller_id      uuid        not null,
    business_date  date        not null,
    items          integer     not null check (items > 0),
    gross          bigint      not null check (gross > 0),
    fee_bps        integer     not null check (fee_bps between 0 and 10000),
    fee            bigint      not null check (fee >= 0),
    net            bigint      not null check (net >= 0),
    status         text        not null check (status in ('PENDING', 'PAID', 'FAILED')),
    command_id     uuid        not null unique,
    failure_reason text,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    paid_at        timestamptz,
    unique (payee_kind, payee_id, business_date),
    constraint settlements_sum check (gross = fee + net)
);

create index settlements_by_seller on settlements (seller_id, business_date desc, id);
