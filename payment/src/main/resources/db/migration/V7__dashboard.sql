-- The seller dashboard reads subscriptions by seller and paid charges by time.
create index subscriptions_by_seller on subscriptions (seller_id, created_at);
create index subscription_charges_paid on subscription_charges (updated_at) where status = 'PAID';
