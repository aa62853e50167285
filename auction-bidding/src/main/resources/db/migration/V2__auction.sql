-- auction-bidding: lots, registrations (with the hold money keeps for each), and the durable bid log.

create table lots (
    id                  uuid primary key,
    seller_id           uuid        not null,
    title               text        not null,
    artist              text        not null,
    year                integer,
    medium              text,
    dimensions          text,
    description         text,
    image_urls          text        not null default '[]',
    category            text        not null,
    start_price         bigint      not null check (start_price > 0),
    reserve_price       bigint      check (reserve_price > 0),
    buy_now_price       bigint      check (buy_now_price > 0),
    increments          text        not null,
    starts_at           timestamptz not null,
    ends_at             timestamptz not null,
    soft_close_seconds  integer     not null check (soft_close_seconds >= 0),
    extension_seconds   integer     not null check (extension_seconds >= 0),
    max_extensions      integer     not null check (max_extensions >= 0),
    status              text        not null,
    current_price       bigint,
    bid_count           bigint      not null default 0,
    outcome             text,
    winner_id           uuid,
    hammer_price        bigint,
    closed_at           timestamptz,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    version             integer     not null default 0,
    check (ends_at > starts_at)
);
create index lots_due_to_open on lots (starts_at) where status = 'SCHEDULED';
create index lots_due_to_close on lots (ends_at) where status = 'OPEN';
create index lots_by_status_end on lots (status, ends_at);
create index lots_by_seller on lots (seller_id);

create table registrations (
    lot_id              uuid        not null references lots (id),
    bidder_id           uuid        not null,
    status              text        not null,
    approved_limit      bigint,
    hold_id             uuid,
    pending_limit       bigint,
    pending_hold_id     uuid unique,
    last_refusal        text,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    version             integer     not null default 0,
    primary key (lot_id, bidder_id)
);
create index registrations_by_bidder on registrations (bidder_id);

-- The bid log: every accepted bid exactly once, in the lot's gapless sequence, with the lot's state after it.
create table bids (
    lot_id              uuid        not null references lots (id),
    seq                 bigint      not null check (seq > 0),
    bidder_id           uuid        not null,
    kind                text        not null,
    amount              bigint      not null,
    price               bigint      not null,
    leader_id           uuid        not null,
    leader_max          bigint      not null,
    previous_leader_id  uuid,
    ends_at             timestamptz not null,
    extended            boolean     not null,
    extensions          integer     not null,
    buy_now             boolean     not null,
    accepted_at         timestamptz not null,
    logged_at           timestamptz not null default now(),
    primary key (lot_id, seq)
);
create index bids_by_bidder on bids (bidder_id, lot_id);

create table watchlist (
    member_id           uuid        not null,
    lot_id              uuid        not null references lots (id),
    created_at          timestamptz not null default now(),
    primary key (member_id, lot_id)
);
