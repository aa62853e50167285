-- Banking's copy of each member's name, from membership.events: the holder-name check needs it (tokens carry no name).
create table members (
    member_id  uuid primary key,
    name       text        not null,
    updated_at timestamptz not null
);

-- A member's linked bank account, verified with the bank. The full account number stays in this database: the bank
-- needs it for every transfer; it never leaves banking (events and answers carry the last four digits only).
create table bank_accounts (
    id             uuid primary key,
    member_id      uuid        not null,
    bank_code      text        not null check (bank_code ~ '^[0-9]{3}$'),
    account_number text        not null check (account_number ~ '^[0-9]{6,20}$'),
    holder_name    text        not null,
    status         text        not null check (status in ('ACTIVE', 'UNLINKED')),
    linked_at      timestamptz not null,
    unlinked_at    timestamptz,
    check ((status = 'UNLINKED') = (unlinked_at is not null))
);

-- One active link per bank account, whoever holds it; a member's active links are counted for the limit.
create unique index bank_accounts_active_once on bank_accounts (bank_code, account_number) where status = 'ACTIVE';
create index bank_accounts_member_active on bank_accounts (member_id, linked_at) where status = 'ACTIVE';
