-- The relay is no longer woken by NOTIFY (V0_1 created a trigger for it): a transaction that notifies takes a lock
-- for the whole database cluster at commit, so a notify per outbox write serialized every writing transaction.
-- Writers wake their own instance's relay in the application instead (Outbox -> OutboxRelayLifecycle.wake).
-- Repeatable, so that it also reaches databases created before this change; it runs after the versioned migrations.
drop trigger if exists moa_outbox_inserted on moa_outbox;
drop function if exists moa_outbox_notify();
