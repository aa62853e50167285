-- The read models' update for a batch of TransferPosted events in one statement, so one round trip and one
-- transaction per batch of records the projector polled from money.events. One transaction per event (V9) let the
-- projector apply about a hundred events a second, far fewer than remittances post under load.
--
-- The effect is that of applying each event once, in any order (every projection is a sum, and projection_state
-- keeps the latest occurredAt): the inbox (moa_inbox, under p_consumer) keeps the events applied before, and an event
-- id that appears twice in the batch counts once. Returns how many events were applied now.
create type moa_projected_transfer as (
    debit uuid, credit uuid, currency text, amount bigint, kind text, period text, from_owner uuid, memo text,
    occurred_at timestamptz);

create function moa_project_transfers(p_consumer text, p_event_ids text[], p_debits uuid[], p_credits uuid[],
                                      p_currencies text[], p_amounts bigint[], p_kinds text[], p_periods text[],
                                      p_froms uuid[], p_memos text[], p_occurred_at timestamptz[],
                                      p_projection text)
    returns integer language plpgsql as $$
declare
    fresh text[];
    batch moa_projected_transfer[];
begin
    with claimed as (
        insert into moa_inbox (consumer, event_id)
        select distinct p_consumer, e from unnest(p_event_ids) e
        on conflict do nothing
        returning event_id)
    select coalesce(array_agg(event_id), '{}') into fresh from claimed;
    if cardinality(fresh) = 0 then
        return 0;
    end if;

    select array_agg(t) into batch
    from (select distinct on (b.event_id) row(b.debit, b.credit, b.currency, b.amount, b.kind, b.period,
                 b.from_owner, b.memo, b.occurred_at)::moa_projected_transfer as t
          from unnest(p_event_ids, p_debits, p_credits, p_currencies, p_amounts, p_kinds, p_periods, p_froms,
                      p_memos, p_occurred_at)
               as b(event_id, debit, credit, currency, amount, kind, period, from_owner, memo, occurred_at)
          join unnest(fresh) f(event_id) on f.event_id = b.event_id) picked;

    -- Member wallets on either side, summed per region first: one insert may not update the same row twice.
    insert into money_by_region (region, currency, held)
    select region, currency, sum(delta)
    from (select coalesce(d.region, 'UNKNOWN') as region, b.currency, -b.amount as delta
          from unnest(batch) b
          join accounts a on a.id = b.debit and a.kind = 'MEMBER_WALLET'
          left join member_directory d on d.member_id = a.owner_id
          union all
          select coalesce(d.region, 'UNKNOWN'), b.currency, b.amount
          from unnest(batch) b
          join accounts a on a.id = b.credit and a.kind = 'MEMBER_WALLET'
          left join member_directory d on d.member_id = a.owner_id) sides
    group by region, currency
    on conflict (region, currency) do update set held = money_by_region.held + excluded.held;

    insert into group_monthly_income (group_id, period, member_id, amount)
    select a.owner_id, b.period, b.from_owner, sum(b.amount)
    from unnest(batch) b join accounts a on a.id = b.credit and a.kind = 'GROUP_WALLET'
    group by a.owner_id, b.period, b.from_owner
    on conflict (group_id, period, member_id) do update set amount = group_monthly_income.amount + excluded.amount;

    insert into group_monthly_spending (group_id, period, memo, amount)
    select a.owner_id, b.period, b.memo, sum(b.amount)
    from unnest(batch) b join accounts a on a.id = b.debit and a.kind = 'GROUP_WALLET'
    group by a.owner_id, b.period, b.memo
    on conflict (group_id, period, memo) do update set amount = group_monthly_spending.amount + excluded.amount;

    insert into platform_totals (kind, currency, count, amount)
    select b.kind, b.currency, count(*), sum(b.amount) from unnest(batch) b group by b.kind, b.currency
    on conflict (kind, currency)
    do update set count = platform_totals.count + excluded.count, amount = platform_totals.amount + excluded.amount;

    insert into projection_state (name, last_event_at, updated_at)
    select p_projection, max(b.occurred_at), now() from unnest(batch) b
    on conflict (name) do update
    set last_event_at = greatest(projection_state.last_event_at, excluded.last_event_at), updated_at = now();

    return cardinality(fresh);
end;
$$;

drop function moa_project_transfer(uuid, uuid, text, bigint, text, text, uuid, text, timestamptz, text);
