-- Two of the outbox's indexes cost more than they gave, measured under bench/transfers (each outbox row is inserted
-- once and updated once, when published, and an update that sets published_at writes every index again):
-- * the unique index on event_id: event ids are random UUIDs made when the row is written (Outbox, or the database's
--   gen_random_uuid()), and nothing looks a row up by its id on a hot path; it cost two random index writes a row;
-- * the index of published rows: only the hourly housekeeping read it, and it now finds old rows by seq.
-- Repeatable, so that it also reaches databases created before this change; it runs after the versioned migrations.
alter table moa_outbox drop constraint if exists moa_outbox_event_id_key;
drop index if exists moa_outbox_published;
