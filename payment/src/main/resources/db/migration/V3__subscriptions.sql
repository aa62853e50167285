-- Sellers' plans, subscriptions and their charges. One charge per (subscription, period index) by the unique key;
-- the renewal job claims due subscriptions (and failed charges to retry) with FOR UPDATE SKIP LOCKED, so several
-- instances and reruns charge each period once. Lock order: subscription, then charge (the job); charge, then
-- subscription (answers and retries) — the job only inserts charges, it never locks an existing one.
create table plans (
    id          uuid primary key,
    seller_id   uuid        not null,
    name        text        not null,
    description text,
    price       bigint      not null check (price between 1 and 100000000),
    period      text        not null check (period in ('DAILY', 'WEEKLY', 'MONTHLY', 'QUARTERLY')),
    trial_days  integer     not null check (trial_days between 0 and 90),
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);

create index plans_by_seller on plans (seller_id, created_at desc, id);
create index plans_by_age on plans (created_at desc, id);

create table subscriptions (
    id                   uuid primary key,
    plan_id              uuid        not null references plans (id),
    subscriber_id        uuid        not null,
    seller_id            uuid        not null,
    status               text        not null check (status in ('ACTIVE', 'PAUSED', 'PAST_DUE', 'CANCELED')),
    -- Period i starts at anchor_at + (i - anchor_index) periods, in Asia/Seoul, month ends clamped by java.time.
    anchor_at            timestamptz not null,
    anchor_index         integer     not null check (anchor_index >= 0),
    next_index           integer     not null check (next_index >= 0),
    next_charge_at       timestamptz not null,
    paid_until           timestamptz,
    trial_ends_at        timestamptz,
    cancel_at_period_end boolean     not null default false,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    ended_at             timestamptz
);

create unique index subscriptions_one_live on subscriptions (plan_id, subscriber_id) where status <> 'CANCELED';
create index subscriptions_by_subscriber on subscriptions (subscriber_id, created_at desc, id);
create index subscriptions_due on subscriptions (next_charge_at) where status = 'ACTIVE';

create table subscription_charges (
    id              uuid primary key,
    subscription_id uuid        not null references subscriptions (id),
    period_index    integer     not null check (period_index >= 0),
    period_start    timestamptz not null,
    period_end      timestamptz not null check (period_end > period_start),
    amount          bigint      not null check (amount > 0),
    status          text        not null check (status in ('PENDING', 'PAID', 'FAILED', 'ABANDONED')),
    attempts        integer     not null check (attempts >= 1),
    command_id      uuid        not null unique,
    failure_reason  text,
    next_attempt_at timestamptz,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    unique (subscription_id, period_index),
    constraint subscription_charges_retry check ((status = 'FAILED') = (next_attempt_at is not null))
);

create index subscription_charges_retry on subscription_charges (next_attempt_at) where status = 'FAILED';
create index subscription_charges_open on subscription_charges (subscription_id) where status in ('PENDING', 'FAILED');
