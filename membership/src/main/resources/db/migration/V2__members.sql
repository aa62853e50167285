-- Members, their refresh-token families and tokens, and seller applications.
create table members (
    id                  uuid primary key,
    email               text        not null,
    password_hash       text        not null,
    name                text        not null,
    region              text        not null,
    phone               text,
    locale              text        not null,
    seller              boolean     not null default false,
    admin               boolean     not null default false,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    password_changed_at timestamptz not null,
    version             bigint      not null default 0
);

-- E-mail is stored lower-case; unique case-insensitively.
create unique index members_email on members (lower(email));
create index members_created on members (created_at, id);

-- A login starts a family; every refresh rotates within it. Reusing a spent token revokes the whole family.
create table token_families (
    id             uuid primary key,
    member_id      uuid        not null references members (id),
    created_at     timestamptz not null,
    revoked_at     timestamptz,
    revoked_reason text
);

create index token_families_member on token_families (member_id) where revoked_at is null;

create table refresh_tokens (
    token_hash text primary key, -- SHA-256 of the opaque token; the token itself is never stored
    family_id  uuid        not null references token_families (id),
    issued_at  timestamptz not null,
    expires_at timestamptz not null,
    spent_at   timestamptz
);

create index refresh_tokens_family on refresh_tokens (family_id);

create table seller_applications (
    id            uuid primary key,
    member_id     uuid        not null references members (id),
    business_name text        not null,
    status        text        not null,
    submitted_at  timestamptz not null,
    decided_at    timestamptz,
    decided_by    uuid,
    reason        text
);

-- At most one open application per member.
create unique index seller_applications_pending on seller_applications (member_id) where status = 'PENDING';
