-- Recipients: notifications' own copy of members (e-mail, name, locale), kept from membership.events, so that no
-- message needs a synchronous call. updated_at is the event's time: an older event never overwrites a newer copy.
create table recipients (
    member_id  uuid primary key,
    email      text        not null,
    name       text        not null,
    locale     text        not null,
    updated_at timestamptz not null
);

-- Groups and who holds which role in them (for group notices: names, owners and treasurers).
create table groups (
    group_id uuid primary key,
    name     text not null
);

create table group_roles (
    group_id  uuid not null,
    member_id uuid not null,
    role      text not null,
    primary key (group_id, member_id)
);

-- The in-app feed. seq orders a member's feed (newest first) and is the SSE event id; a coalesced notification takes
-- a new seq, so it moves to the top again.
create sequence notifications_seq;

create table notifications (
    id              uuid primary key,
    seq             bigint      not null default nextval('notifications_seq') unique,
    member_id       uuid        not null,
    event_id        text        not null,
    category        text        not null,
    kind            text        not null,
    ref             text,
    title           text        not null,
    summary         text        not null,
    coalesced_count integer     not null default 0,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    read_at         timestamptz,
    unique (event_id, member_id, kind)
);

create index notifications_feed on notifications (member_id, seq desc);
create index notifications_unread on notifications (member_id) where read_at is null;
create index notifications_created on notifications (created_at);

-- Wakes every instance's live streams at commit: "<member id> <notification id>".
create function notifications_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('moa_notifications', new.member_id::text || ' ' || new.id::text);
    return null;
end;
$$;

create trigger notifications_changed
    after insert or update of seq on notifications
    for each row execute function notifications_notify();

-- Preferences per member, category and channel; no row means the default (on).
create table preferences (
    member_id  uuid        not null,
    category   text        not null,
    channel    text        not null,
    enabled    boolean     not null,
    updated_at timestamptz not null default now(),
    primary key (member_id, category, channel)
);

-- Mail leaves through this outbox, after the commit of the notification, with retry and back-off. A claim moves
-- next_attempt_at past a lease, so a sender that dies mid-send leaves the row due again, never lost.
create table mail_outbox (
    id              uuid primary key,
    event_id        text        not null,
    member_id       uuid        not null,
    kind            text        not null,
    category        text        not null,
    params          jsonb       not null,
    status          text        not null check (status in ('PENDING', 'SENT', 'FAILED', 'SUPPRESSED')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    created_at      timestamptz not null default now(),
    sent_at         timestamptz,
    unique (event_id, member_id, kind)
);

create index mail_outbox_due on mail_outbox (next_attempt_at) where status = 'PENDING';
create index mail_outbox_member_recent on mail_outbox (member_id, created_at);
create index mail_outbox_created on mail_outbox (created_at);

-- Coalescing windows: while one is open for (member, category, key), further notices of that key update the open
-- notification instead of sending a new message (at most one outbid mail per lot and member per window).
create table coalescing_windows (
    member_id       uuid        not null,
    category        text        not null,
    coalesce_key    text        not null,
    notification_id uuid        not null,
    opened_at       timestamptz not null,
    closes_at       timestamptz not null,
    primary key (member_id, category, coalesce_key)
);

create index coalescing_windows_closes on coalescing_windows (closes_at);
