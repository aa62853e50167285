-- Group dues (회비): a plan per group, and one charge per (group, member, month). The charge's primary key is what
-- makes collection exactly once with several instances, reruns and catch-up: a charge is created once (insert ... on
-- conflict do nothing), locked by the one instance that attempts it (for update skip locked), and paid by the DUES
-- transfer whose id is derived from the key, so even a replayed posting is the same transfer.
--
-- Lock order: the charge, then (in moa_post_transfer) the accounts by id. Nothing locks a charge while holding an
-- account, so dues cannot deadlock with transfers or holds.

-- When a member joined the group, as far as money knows (when it applied the GroupMemberJoined event): a member owes
-- the dues of the months whose due date is on or after that day, not the months before they joined.
alter table group_roles add column joined_at timestamptz not null default now();

create table dues_plans (
    group_id     uuid primary key,
    amount       bigint      not null check (amount between 1 and 1000000000000),
    day_of_month integer     not null check (day_of_month between 1 and 28),
    -- The first month collected: always the first day of a month.
    starts_on    date        not null check (extract(day from starts_on) = 1),
    updated_by   uuid        not null,
    updated_at   timestamptz not null
);

create table dues_charges (
    group_id        uuid        not null,
    member_id       uuid        not null,
    period          char(7)     not null check (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    -- The plan's amount and day when the charge was created: a later change of the plan applies to later months.
    amount          bigint      not null check (amount > 0),
    due_on          date        not null,
    status          text        not null check (status in ('PAID', 'UNPAID')),
    transfer_id     uuid        not null unique,
    attempts        integer     not null default 0 check (attempts >= 0),
    last_attempt_on date,
    paid_at         timestamptz,
    primary key (group_id, member_id, period),
    constraint dues_charges_paid check ((status = 'PAID') = (paid_at is not null))
);

create index dues_charges_unpaid on dues_charges (due_on, group_id, member_id) where status = 'UNPAID';

-- A paid charge stays paid, and its terms never change.
create function moa_dues_charge_transition() returns trigger language plpgsql as $$
begin
    if old.status = 'PAID' or new.amount <> old.amount or new.transfer_id <> old.transfer_id
            or new.due_on <> old.due_on or new.period <> old.period then
        raise exception 'dues charge %/%/% may only go from UNPAID to PAID', old.group_id, old.member_id, old.period;
    end if;
    return new;
end;
$$;

create trigger dues_charges_transition before update on dues_charges
    for each row execute function moa_dues_charge_transition();

create trigger dues_charges_kept before delete on dues_charges
    for each row execute function moa_forbid_change();

-- The same name-based (version 3, MD5) UUID as Java's UUID.nameUUIDFromBytes(name in UTF-8).
create function moa_name_uuid(name text) returns uuid language sql immutable strict as $$
    select (substr(h, 1, 12) || '3' || substr(h, 14, 3)
            || to_hex((('x' || substr(h, 17, 1))::bit(4)::integer & 3) | 8) || substr(h, 18, 15))::uuid
    from md5(convert_to(name, 'UTF8')) as h
$$;

-- Creates the charges that are due on p_today and missing: every month from each plan's first month to p_today's
-- month whose due day has come, for every member of the group who had joined by that day. At most p_limit per call
-- (put a limit on everything); a later run creates the rest. Answers how many it created.
create function moa_create_dues_charges(p_today date, p_limit integer) returns integer language plpgsql as $$
declare
    created integer;
begin
    insert into dues_charges (group_id, member_id, period, amount, due_on, status, transfer_id)
    select p.group_id, r.member_id, to_char(m, 'YYYY-MM'), p.amount, (m + (p.day_of_month - 1))::date, 'UNPAID',
           moa_name_uuid('dues:' || p.group_id || ':' || r.member_id || ':' || to_char(m, 'YYYY-MM'))
    from dues_plans p
    cross join lateral (select g::date as m
                        from generate_series(p.starts_on, date_trunc('month', p_today)::date, interval '1 month') as g)
        as months
    join group_roles r on r.group_id = p.group_id
    where (m + (p.day_of_month - 1))::date <= p_today
      and (r.joined_at at time zone 'Asia/Seoul')::date <= (m + (p.day_of_month - 1))::date
      and not exists (select 1 from dues_charges c
                      where c.group_id = p.group_id and c.member_id = r.member_id and c.period = to_char(m, 'YYYY-MM'))
    -- One order for every instance: two creating at once wait for each other's rows instead of deadlocking.
    order by p.group_id, months.m, r.member_id
    limit p_limit
    on conflict do nothing;
    get diagnostics created = row_count;
    return created;
end;
$$;
