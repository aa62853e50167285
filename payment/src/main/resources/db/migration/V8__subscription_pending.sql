-- A subscription without a trial is PENDING until its first charge is paid; started_at says when it became a
-- subscriber (the dashboard counts new and canceled subscribers by it, so one that never paid is not counted).
alter table subscriptions drop constraint subscriptions_status_check;
alter table subscriptions add constraint subscriptions_status_check
    check (status in ('PENDING', 'ACTIVE', 'PAUSED', 'PAST_DUE', 'CANCELED'));
alter table subscriptions add column started_at timestamptz;
update subscriptions set started_at = created_at;
create index subscriptions_started on subscriptions (seller_id, started_at) where started_at is not null;
