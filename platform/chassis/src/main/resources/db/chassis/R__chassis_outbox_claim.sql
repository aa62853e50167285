-- The relay takes turns with the relays of other instances (an advisory lock) and claims the oldest pending rows
-- without row locks, so nothing needs the pending rows by subject any more (V0_1 made that index for the old claim,
-- which skipped a row while another relay held an earlier row of the same subject). Dropping it saves an index entry
-- per outbox row. Repeatable, so that it also reaches databases created before this change.
drop index if exists moa_outbox_pending_subject;
