-- A remittance that holds the wallets' row locks for less time. Measured with pg_stat_statements under
-- bench/transfers, about half of moa_remit's time was the wait for the two wallets' locks, which V11's remittance took
-- first and held through every insert after them (the transfer with its three index entries, the outbox row with its
-- three, the key record with its two) and the commit. Every remittance that touches one of those wallets waits for
-- all of that; with a hot account, every remittance does.
--
-- Now everything that does not depend on the balances is written first, without a wallet lock: the transfer, the
-- TransferPosted event and the key record with its answer. The wallets are locked last, checked and updated, and the
-- transaction commits. A remittance the balances refuse as read before the writes is answered at once, as before;
-- should they refuse it only under the locks (another posting got there in between), the function raises SQLSTATE
-- MA001 with the reason as its message, so that the whole statement, and everything it wrote, is rolled back: a
-- refused remittance still writes nothing, and leaves its key free.
--
-- Two requests with one key meet at the transfer's primary key (its id follows from the key, RemittanceService): the
-- later one waits until the first has committed or rolled back, then answers from the first one's key record
-- (REPLAY, or KEY_REUSED for another request), or posts if the first was refused. A transfer whose key record has
-- since expired is answered from the transfer itself, as before. The answers (outcome, status_code, body, location)
-- are those of V11, and INSUFFICIENT_FUNDS or OVERFLOW also come as the error above.
--
-- Left as they were: the comments of V2, V3, V11 and V12 that say a transfer is inserted under both accounts' locks
-- (applied migrations are not edited). A remittance's transfer is now inserted before them; its id is derived from
-- the sender's key ("remittance:" + sender + key), so no other writer of transfers meets it on the primary key.
create or replace function moa_remit(p_owner text, p_key text, p_request_hash text, p_sender uuid, p_transfer_id uuid,
                                     p_to_member uuid, p_to_email text, p_to_group uuid, p_amount bigint,
                                     p_memo text)
    returns table (outcome text, status_code integer, body text, location text)
    language plpgsql as $$
declare
    claim    moa_idempotency;
    from_acc accounts;
    to_acc   accounts;
    locked   accounts;
    debit    accounts;
    credit   accounts;
    t        transfers;
    created  timestamptz;
    answer   text;
begin
    if p_amount is null or p_amount <= 0 then
        raise exception 'amount must be positive';
    end if;
    select * into claim from moa_idempotency i where i.owner = p_owner and i.idem_key = p_key;
    if found then
        return query select * from moa_remit_answered(claim, p_request_hash);
        return;
    end if;

    select * into from_acc from accounts a where a.kind = 'MEMBER_WALLET' and a.owner_id = p_sender;
    if from_acc.id is null then
        return query select 'WALLET_NOT_OPEN', null::integer, null::text, null::text;
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
        return query select 'RECIPIENT_NOT_FOUND', null::integer, null::text, null::text;
        return;
    end if;
    if to_acc.id = from_acc.id then
        return query select 'SELF', null::integer, null::text, null::text;
        return;
    end if;
    -- An account's currency is fixed when it is opened, so it needs no lock to compare.
    if from_acc.currency <> to_acc.currency then
        return query select 'CURRENCY_MISMATCH', null::integer, null::text, null::text;
        return;
    end if;
    -- What the balances already refuse is refused here, before anything is written. The check under the locks below
    -- decides; this one only spares the common refusal the writes it would roll back.
    if to_acc.credits_posted > 9223372036854775807 - p_amount
            or from_acc.debits_posted > 9223372036854775807 - p_amount then
        return query select 'OVERFLOW', null::integer, null::text, null::text;
        return;
    end if;
    if from_acc.no_overdraft
            and from_acc.debits_posted + from_acc.debits_pending + p_amount > from_acc.credits_posted then
        return query select 'INSUFFICIENT_FUNDS', null::integer, null::text, null::text;
        return;
    end if;

    created := clock_timestamp();
    insert into transfers (id, debit_account_id, credit_account_id, amount, kind, reference, memo, initiated_by,
                           created_at)
    values (p_transfer_id, from_acc.id, to_acc.id, p_amount, 'REMITTANCE', null, p_memo, p_sender, created)
    on conflict (id) do nothing;
    if not found then
        -- Posted by an earlier request with this key, which has ended (this insert waited for it).
        select * into claim from moa_idempotency i where i.owner = p_owner and i.idem_key = p_key;
        if found then
            return query select * from moa_remit_answered(claim, p_request_hash);
            return;
        end if;
        -- Its key record has expired: the transfer itself says whether this is the same remittance.
        select * into t from transfers where id = p_transfer_id;
        if t.debit_account_id <> from_acc.id or t.credit_account_id <> to_acc.id or t.amount <> p_amount
                or t.kind <> 'REMITTANCE' or t.initiated_by is distinct from p_sender then
            return query select 'TRANSFER_ID_REUSED', null::integer, null::text, null::text;
            return;
        end if;
        answer := moa_remittance_answer(t.id, to_acc, t.amount, t.memo, t.created_at);
    else
        insert into moa_outbox (event_id, topic, event_type, subject, payload)
        values (gen_random_uuid(), 'money.events', 'dev.moa.money.TransferPosted', p_transfer_id::text,
            json_build_object('transferId', p_transfer_id, 'debitAccountId', from_acc.id, 'debitOwnerId', p_sender,
                'creditAccountId', to_acc.id, 'creditOwnerId', to_acc.owner_id, 'amount', p_amount,
                'currency', to_acc.currency, 'kind', 'REMITTANCE', 'reference', null, 'memo', p_memo,
                'occurredAt', moa_instant_json(created)));
        answer := moa_remittance_answer(p_transfer_id, to_acc, p_amount, p_memo, created);
    end if;
    insert into moa_idempotency (owner, idem_key, request_hash, status_code, response_body, location)
    values (p_owner, p_key, p_request_hash, 201, answer, '/wallets/me/transactions')
    on conflict do nothing;
    if not found then
        -- The member used the key for another operation at the same moment.
        raise exception 'Idempotency-Key % was taken meanwhile', p_key using errcode = 'serialization_failure';
    end if;
    if t.id is not null then
        return query select 'POSTED', 201, answer, '/wallets/me/transactions';
        return;
    end if;

    -- Last, the balances: both wallets locked in id order (two remittances in opposite directions cannot deadlock),
    -- checked, and updated; the locks are held only from here to the commit.
    for locked in select * from accounts where id in (from_acc.id, to_acc.id) order by id for update loop
        if locked.id = from_acc.id then
            debit := locked;
        else
            credit := locked;
        end if;
    end loop;
    if credit.credits_posted > 9223372036854775807 - p_amount
            or debit.debits_posted > 9223372036854775807 - p_amount then
        raise exception 'OVERFLOW' using errcode = 'MA001';
    end if;
    if debit.no_overdraft and debit.debits_posted + debit.debits_pending + p_amount > debit.credits_posted then
        raise exception 'INSUFFICIENT_FUNDS' using errcode = 'MA001';
    end if;
    update accounts
    set debits_posted = debits_posted + case when id = from_acc.id then p_amount else 0 end,
        credits_posted = credits_posted + case when id = to_acc.id then p_amount else 0 end
    where id in (from_acc.id, to_acc.id);
    return query select 'POSTED', 201, answer, '/wallets/me/transactions';
end;
$$;

-- The answer to a remittance (RemittanceService.Remitted; RemittanceJsonTest keeps the two equal).
create function moa_remittance_answer(p_transfer_id uuid, p_to accounts, p_amount bigint, p_memo text,
                                      p_created timestamptz)
    returns text language sql stable as $$
    select json_build_object('transferId', p_transfer_id, 'toAccountId', p_to.id,
        'toKind', case p_to.kind when 'GROUP_WALLET' then 'GROUP' else 'MEMBER' end,
        'toOwnerId', p_to.owner_id, 'amount', p_amount, 'memo', p_memo,
        'createdAt', moa_instant_json(p_created))::text
$$;
