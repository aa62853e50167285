-- Won lots. The hold each approved registration placed (from RegistrationApproved), so that payment knows how much of
-- a winner's total the hold covers; the rest is taken from the wallet, linked to the capture.
create table lot_holds (
    hold_id     uuid primary key,
    lot_id      uuid        not null,
    bidder_id   uuid        not null,
    amount      bigint      not null check (amount > 0),
    approved_at timestamptz not null
);

-- One order per lot (the unique lot id), whatever LotClosed redelivery or restart: the order and its CaptureHold
-- command are written in one transaction, and the command id is derived from the order, so even a command sent twice
-- is one charge in money.
create table orders (
    id                 uuid primary key,
    lot_id             uuid        not null unique,
    buyer_id           uuid        not null,
    seller_id          uuid        not null,
    hammer_price       bigint      not null check (hammer_price > 0),
    premium_bps        integer     not null check (premium_bps between 0 and 10000),
    premium            bigint      not null check (premium >= 0),
    total              bigint      not null,
    hold_id            uuid        not null,
    from_hold          bigint      not null check (from_hold > 0),
    from_wallet        bigint      not null check (from_wallet >= 0),
    command_id         uuid        not null unique,
    status             text        not null check (status in ('PENDING', 'PAID', 'PAYMENT_FAILED')),
    failure_reason     text,
    closed_at          timestamptz not null,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    constraint orders_total check (total = hammer_price + premium and total = from_hold + from_wallet)
);

create index orders_by_buyer on orders (buyer_id, created_at desc, id);
create index orders_by_seller on orders (seller_id, created_at desc, id);
