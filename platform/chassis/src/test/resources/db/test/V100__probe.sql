-- Tables of the chassis tests' probe application only.
create table probe_account (
    name    text primary key,
    balance bigint not null default 0
);

create table probe_credit_log (
    event_id text primary key,
    name     text   not null,
    amount   bigint not null
);
