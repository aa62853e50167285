-- Dues reminders: one per (group, member, month), sent a configured number of days before the collection day. The
-- primary key makes it exactly once with several instances and reruns: the reminder row and its DuesDue event are
-- written in one transaction (insert ... on conflict do nothing returning: only the inserting transaction emits).
create table dues_reminders (
    group_id    uuid        not null,
    member_id   uuid        not null,
    period      char(7)     not null check (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    amount      bigint      not null check (amount > 0),
    due_on      date        not null,
    reminded_at timestamptz not null default now(),
    primary key (group_id, member_id, period)
);

create index dues_reminders_reminded on dues_reminders (reminded_at);
