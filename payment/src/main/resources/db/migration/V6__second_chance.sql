-- Second-chance offers: when the winner's payment fails, the runner-up (from LotClosed) is offered the lot at their
-- highest maximum for 24 hours. An accepted offer is an order of its own kind, paid from the wallet (no hold: the
-- runner-up's hold was voided at the close), so a lot has at most one order of each kind.
alter table orders add column kind text not null default 'WIN' check (kind in ('WIN', 'SECOND_CHANCE'));
alter table orders drop constraint orders_lot_id_key;
create unique index orders_one_per_lot_and_kind on orders (lot_id, kind);
alter table orders alter column hold_id drop not null;
alter table orders drop constraint orders_from_hold_check;
alter table orders add constraint orders_from_hold check (from_hold >= 0 and (hold_id is null) = (from_hold = 0));
alter table orders add column runner_up_id uuid;
alter table orders add column runner_up_maximum bigint check (runner_up_maximum > 0);

create table second_chance_offers (
    id                uuid primary key,
    lot_id            uuid        not null unique,
    original_order_id uuid        not null references orders (id),
    bidder_id         uuid        not null,
    seller_id         uuid        not null,
    price             bigint      not null check (price > 0),
    status            text        not null check (status in ('OFFERED', 'ACCEPTED')),
    expires_at        timestamptz not null,
    order_id          uuid references orders (id),
    created_at        timestamptz not null,
    updated_at        timestamptz not null
);

create index second_chance_offers_by_bidder on second_chance_offers (bidder_id, created_at desc, id);
