-- A remittance in one statement, so one round trip: the Idempotency-Key claim, both wallets, the posting, the
-- TransferPosted event in the outbox and the stored answer commit together or not at all. The remittance is money's
-- hottest path; done as separate statements it took about eleven round trips.
--
-- Answers (outcome, status_code, body, location):
--   POSTED             201 and the answer (also stored for replays)
--   REPLAY             the stored answer of the first request with this key and this request
--   KEY_REUSED         the key was used for another request (422)
--   IN_PROGRESS        the first request with this key has not finished (409)
--   WALLET_NOT_OPEN, RECIPIENT_NOT_FOUND, SELF, INSUFFICIENT_FUNDS, OVERFLOW, CURRENCY_MISMATCH,
--   TRANSFER_ID_REUSED (the transfer exists with other terms)
-- Every outcome but POSTED and REPLAY leaves nothing behind: the claim is taken back, so a retry runs afresh.
--
-- The JSON written here is the same as the Java records' (dev.moa.events.money.TransferPosted and the remittance
-- answer); RemittanceJsonTest reads both back into those records.
create function moa_instant_json(p_at timestamptz) returns text language sql immutable as $$
    select to_char(p_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
$$;

create function moa_remit(p_owner text, p_key text, p_request_hash text, p_sender uuid, p_transfer_id uuid,
                          p_to_member uuid, p_to_email text, p_to_group uuid, p_amount bigint, p_memo text)
    returns table (outcome text, status_code integer, body text, location text)
    language plpgsql as $$
declare
    claim   moa_idempotency;
    from_id uuid;
    to_acc  accounts;
    posted  text;
    t       transfers;
    answer  text;
begin
    insert into moa_idempotency (owner, idem_key, request_hash) values (p_owner, p_key, p_request_hash)
    on conflict do nothing;
    if not found then
        select * into claim from moa_idempotency i where i.owner = p_owner and i.idem_key = p_key;
        if claim.request_hash <> p_request_hash then
            return query select 'KEY_REUSED', 422, null::text, null::text;
        elsif claim.status_code is null then
            return query select 'IN_PROGRESS', 409, null::text, null::text;
        else
            return query select 'REPLAY', claim.status_code, claim.response_body, claim.location;
        end if;
        return;
    end if;

    select a.id into from_id from accounts a where a.kind = 'MEMBER_WALLET' and a.owner_id = p_sender;
    if from_id is null then
        return query select * from moa_remit_refused(p_owner, p_key, 'WALLET_NOT_OPEN');
        return;
    end if;
    if p_to_group is not null then
        select * into to_acc from accounts a where a.kind = 'GROUP_WALLET' and a.owner_id = p_to_group;
    elsif p_to_member is not null then
        select * into to_acc from accounts a where a.kind = 'MEMBER_WALLET' and a.owner_id = p_to_member;
    else
        -- An e-mail names a member only when exactly one member has it (changes may arrive in either order).
        select * into to_acc from accounts a where a.kind = 'MEMBER_WALLET' and a.owner_id =
            (select case when count(*) = 1 then min(d.member_id::text)::uuid end
             from member_directory d where lower(d.email) = lower(trim(p_to_email)));
    end if;
    if to_acc.id is null then
        return query select * from moa_remit_refused(p_owner, p_key, 'RECIPIENT_NOT_FOUND');
        return;
    end if;
    if to_acc.id = from_id then
        return query select * from moa_remit_refused(p_owner, p_key, 'SELF');
        return;
    end if;

    posted := moa_post_transfer(p_transfer_id, from_id, to_acc.id, p_amount, 'REMITTANCE', null, p_memo, p_sender);
    select * into t from transfers where id = p_transfer_id;
    if posted = 'DUPLICATE' and (t.debit_account_id <> from_id or t.credit_account_id <> to_acc.id
            or t.amount <> p_amount or t.kind <> 'REMITTANCE' or t.initiated_by is distinct from p_sender) then
        posted := 'TRANSFER_ID_REUSED';
    end if;
    if posted not in ('POSTED', 'DUPLICATE') then
        return query select * from moa_remit_refused(p_owner, p_key, posted);
        return;
    end if;

    if posted = 'POSTED' then
        insert into moa_outbox (event_id, topic, event_type, subject, payload)
        values (gen_random_uuid(), 'money.events', 'dev.moa.money.TransferPosted', t.id::text, json_build_object(
            'transferId', t.id, 'debitAccountId', from_id, 'debitOwnerId', p_sender,
            'creditAccountId', to_acc.id, 'creditOwnerId', to_acc.owner_id, 'amount', t.amount,
            'currency', to_acc.currency, 'kind', t.kind, 'reference', t.reference, 'memo', t.memo,
            'occurredAt', moa_instant_json(t.created_at)));
    end if;
    answer := json_build_object('transferId', t.id, 'toAccountId', to_acc.id,
        'toKind', case to_acc.kind when 'GROUP_WALLET' then 'GROUP' else 'MEMBER' end,
        'toOwnerId', to_acc.owner_id, 'amount', t.amount, 'memo', t.memo,
        'createdAt', moa_instant_json(t.created_at))::text;
    update moa_idempotency i set status_code = 201, response_body = answer, location = '/wallets/me/transactions'
    where i.owner = p_owner and i.idem_key = p_key;
    return query select 'POSTED', 201, answer, '/wallets/me/transactions';
end;
$$;

-- Takes back the claim of a refused remittance (nothing else was written) and names the refusal.
create function moa_remit_refused(p_owner text, p_key text, p_outcome text)
    returns table (outcome text, status_code integer, body text, location text)
    language plpgsql as $$
begin
    delete from moa_idempotency i where i.owner = p_owner and i.idem_key = p_key;
    return query select p_outcome, null::integer, null::text, null::text;
end;
$$;
