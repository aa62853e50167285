-- Groups (모임): a group, its members with their roles, and its invite codes.
-- Member ids are the access token's subject; there is deliberately no foreign key to a members table.

create table member_group (
    id          uuid primary key,
    name        varchar(80)  not null check (length(btrim(name)) between 1 and 80),
    description varchar(500) not null default '',
    owner_id    uuid         not null,
    created_at  timestamptz  not null
);

create table group_membership (
    id        uuid primary key,
    group_id  uuid        not null references member_group (id) on delete cascade,
    member_id uuid        not null,
    role      varchar(16) not null check (role in ('OWNER', 'TREASURER', 'MEMBER')),
    joined_at timestamptz not null,
    constraint group_membership_once unique (group_id, member_id)
);
-- "my groups" and the per-member limit
create index group_membership_by_member on group_membership (member_id, joined_at);
-- exactly one owner per group is kept by the service; the database refuses a second one
create unique index group_membership_one_owner on group_membership (group_id) where role = 'OWNER';

-- Only a SHA-256 hash of an invite code is stored: the code itself is shown once, to whoever created it.
create table group_invite (
    id         uuid primary key,
    group_id   uuid        not null references member_group (id) on delete cascade,
    code_hash  char(64)    not null,
    created_by uuid        not null,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    revoked_at timestamptz,
    constraint group_invite_code_unique unique (code_hash)
);
create index group_invite_active on group_invite (group_id, expires_at) where revoked_at is null;
