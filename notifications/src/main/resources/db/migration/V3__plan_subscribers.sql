-- Who subscribes to which plan: notifications' own copy, kept from payment's Subscription* events, so that a plan's
-- price change (PlanPriceChanged names no subscriber) can be told to each active subscriber. updated_at is the
-- event's time: an older event never overwrites a newer copy; a canceled subscription stays canceled.
create table plan_subscriptions (
    subscription_id uuid primary key,
    plan_id         uuid        not null,
    subscriber_id   uuid        not null,
    active          boolean     not null,
    next_charge_at  timestamptz,
    updated_at      timestamptz not null
);

create index plan_subscriptions_active on plan_subscriptions (plan_id, subscriber_id) where active;

-- One row per PlanPriceChanged: the fan-out to the plan's subscribers, a page per transaction, from the subscriber
-- after which the last page ended. done once every page was told.
create table price_change_fanouts (
    event_id         text primary key,
    plan_id          uuid        not null,
    old_price        bigint      not null,
    new_price        bigint      not null,
    changed_at       timestamptz not null,
    after_subscriber uuid,
    done             boolean     not null default false,
    created_at       timestamptz not null default now()
);

create index price_change_fanouts_open on price_change_fanouts (created_at) where not done;
