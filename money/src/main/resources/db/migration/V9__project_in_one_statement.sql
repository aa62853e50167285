-- The read models' update for one TransferPosted in one statement, so one round trip: what Projections sent as six.
-- Same effect as before: money held by region (member wallets on either side), a group's monthly income (by who it
-- came from) and spending (by memo), platform totals by kind, and how far the projection has come.
create function moa_project_transfer(p_debit uuid, p_credit uuid, p_currency text, p_amount bigint, p_kind text,
                                     p_period text, p_from uuid, p_memo text, p_occurred_at timestamptz,
                                     p_projection text)
    returns integer language plpgsql as $$
begin
    -- Two statements: one insert may not update the same row twice (both wallets in one region).
    insert into money_by_region (region, currency, held)
    select coalesce(d.region, 'UNKNOWN'), p_currency, -p_amount
    from accounts a left join member_directory d on d.member_id = a.owner_id
    where a.id = p_debit and a.kind = 'MEMBER_WALLET'
    on conflict (region, currency) do update set held = money_by_region.held + excluded.held;
    insert into money_by_region (region, currency, held)
    select coalesce(d.region, 'UNKNOWN'), p_currency, p_amount
    from accounts a left join member_directory d on d.member_id = a.owner_id
    where a.id = p_credit and a.kind = 'MEMBER_WALLET'
    on conflict (region, currency) do update set held = money_by_region.held + excluded.held;
    insert into group_monthly_income (group_id, period, member_id, amount)
    select a.owner_id, p_period, p_from, p_amount from accounts a where a.id = p_credit and a.kind = 'GROUP_WALLET'
    on conflict (group_id, period, member_id) do update set amount = group_monthly_income.amount + excluded.amount;
    insert into group_monthly_spending (group_id, period, memo, amount)
    select a.owner_id, p_period, p_memo, p_amount from accounts a where a.id = p_debit and a.kind = 'GROUP_WALLET'
    on conflict (group_id, period, memo) do update set amount = group_monthly_spending.amount + excluded.amount;
    insert into platform_totals (kind, currency, count, amount) values (p_kind, p_currency, 1, p_amount)
    on conflict (kind, currency)
    do update set count = platform_totals.count + 1, amount = platform_totals.amount + excluded.amount;
    insert into projection_state (name, last_event_at, updated_at) values (p_projection, p_occurred_at, now())
    on conflict (name) do update
    set last_event_at = greatest(projection_state.last_event_at, excluded.last_event_at), updated_at = now();
    return 1;
end;
$$;
