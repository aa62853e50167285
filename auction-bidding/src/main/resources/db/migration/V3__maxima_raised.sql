-- auction-bidding: leaders' raises of their own hidden maximum. Not bids (no sequence number, no price: the bid log
-- holds bids only), but durable like them, so that a rebuilt live state keeps a raised maximum: after bid after_seq,
-- bidder_id (its leader) raised their maximum to maximum. Each raise is above the one before, so the key names it.
create table maxima_raised (
    lot_id              uuid        not null references lots (id),
    bidder_id           uuid        not null,
    after_seq           bigint      not null check (after_seq > 0),
    maximum             bigint      not null check (maximum > 0),
    raised_at           timestamptz not null,
    logged_at           timestamptz not null default now(),
    primary key (lot_id, bidder_id, maximum)
);
