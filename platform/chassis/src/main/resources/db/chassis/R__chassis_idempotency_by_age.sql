-- The Idempotency-Key records are found by age only by the hourly housekeeping. A b-tree on created_at took an entry
-- per record at its right-most page, where every request that claims a key met every other one; a BRIN index keeps a
-- summary per range of pages instead (a record is appended in created_at order, so the ranges are tight) and costs a
-- request nothing. Repeatable, so that it also reaches databases created before this change.
drop index if exists moa_idempotency_created;
create index if not exists moa_idempotency_created_brin on moa_idempotency using brin (created_at);
