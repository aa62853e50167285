-- Read models (CQRS), fed only from money.events by the projection consumer (dev.moa.money.report). Nothing else
-- writes them; POST /admin/reports/rebuild empties them (and the consumer's inbox records) and replays the topic.
-- They are derived data: the ledger (accounts, transfers) stays the truth.

-- Money held in member wallets, by the member's region (member_directory.region when the event was applied;
-- 'UNKNOWN' for a member money has no region for). Only what money.events announced is counted.
create table money_by_region (
    region   text   not null,
    currency text   not null,
    held     bigint not null,
    primary key (region, currency)
);

-- Money into a group wallet, by the one it came from (a member's id; the nil uuid for a system account), per month
-- (yyyy-mm of the event's occurredAt in Asia/Seoul).
create table group_monthly_income (
    group_id  uuid    not null,
    period    char(7) not null check (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    member_id uuid    not null,
    amount    bigint  not null check (amount >= 0),
    primary key (group_id, period, member_id)
);

-- Money out of a group wallet, by memo ('' for none), per month in Asia/Seoul.
create table group_monthly_spending (
    group_id uuid    not null,
    period   char(7) not null check (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    memo     text    not null,
    amount   bigint  not null check (amount >= 0),
    primary key (group_id, period, memo)
);

-- Every posted transfer, by kind and currency.
create table platform_totals (
    kind     text   not null,
    currency text   not null,
    count    bigint not null check (count >= 0),
    amount   bigint not null check (amount >= 0),
    primary key (kind, currency)
);

-- How far a projection has come: the occurredAt of the latest event it applied, and when it applied one.
create table projection_state (
    name          text        primary key,
    last_event_at timestamptz not null,
    updated_at    timestamptz not null
);
