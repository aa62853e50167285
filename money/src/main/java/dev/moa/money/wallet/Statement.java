package dev.moa.money.wallet;

import dev.moa.chassis.problem.ProblemException;
import dev.moa.money.ledger.Account;
import dev.moa.money.ledger.Transfer;
import dev.moa.money.ledger.TransferKind;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** An account's transactions, newest first, a page at a time (keyset cursor), filtered by kind and period. */
@ApplicationScoped
public class Statement {

    public static final int MAX_PAGE = 100;

    /** One line: money in or out of the account, and who was on the other side. */
    public record Entry(UUID transferId, String direction, long amount, TransferKind kind, String memo,
                        String reference, String counterpartyKind, UUID counterpartyId, Instant createdAt) {
    }

    public record Page(List<Entry> entries, String next) {
    }

    /** Call inside a session. */
    public Uni<Page> page(Account account, TransferKind kind, Instant from, Instant to, String cursor, int limit) {
        StringBuilder query = new StringBuilder("(debitAccountId = :account or creditAccountId = :account)");
        Parameters parameters = Parameters.with("account", account.id);
        if (kind != null) {
            query.append(" and kind = :kind");
            parameters.and("kind", kind);
        }
        if (from != null) {
            query.append(" and createdAt >= :from");
            parameters.and("from", from);
        }
        if (to != null) {
            query.append(" and createdAt < :to");
            parameters.and("to", to);
        }
        if (cursor != null) {
            Cursor after = Cursor.decode(cursor);
            query.append(" and (createdAt < :at or (createdAt = :at and id < :id))");
            parameters.and("at", after.at()).and("id", after.id());
        }
        query.append(" order by createdAt desc, id desc");
        return Transfer.<Transfer>find(query.toString(), parameters).page(0, limit).list()
                .chain(transfers -> counterparts(account, transfers).map(accounts -> {
                    List<Entry> entries = transfers.stream().map(t -> entry(account, t, accounts)).toList();
                    String next = transfers.size() < limit ? null
                            : new Cursor(transfers.get(limit - 1).createdAt, transfers.get(limit - 1).id).encode();
                    return new Page(entries, next);
                }));
    }

    private static Uni<Map<UUID, Account>> counterparts(Account account, List<Transfer> transfers) {
        Set<UUID> ids = transfers.stream()
                .map(t -> t.debitAccountId.equals(account.id) ? t.creditAccountId : t.debitAccountId)
                .collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Account.<Account>list("id in ?1", ids)
                .map(list -> list.stream().collect(Collectors.toMap(a -> a.id, Function.identity())));
    }

    private static Entry entry(Account account, Transfer transfer, Map<UUID, Account> accounts) {
        boolean out = transfer.debitAccountId.equals(account.id);
        Account other = accounts.get(out ? transfer.creditAccountId : transfer.debitAccountId);
        String otherKind = other == null ? null : switch (other.kind) {
            case MEMBER_WALLET -> "MEMBER";
            case GROUP_WALLET -> "GROUP";
            case SYSTEM -> "MOA";
        };
        return new Entry(transfer.id, out ? "OUT" : "IN", transfer.amount, transfer.kind, transfer.memo,
                transfer.reference, otherKind, other == null ? null : other.ownerId, transfer.createdAt);
    }

    /** Opaque to clients: where the previous page ended. */
    record Cursor(Instant at, UUID id) {

        String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((at.toString() + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String text) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|");
                return new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
            } catch (RuntimeException e) {
                throw ProblemException.badRequest("cursor-invalid", "The cursor is not one this API gave out");
            }
        }
    }
}
