package dev.moa.money.bank;

import dev.moa.chassis.problem.ProblemException;
import io.quarkus.panache.common.Parameters;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * A page of a member's top-ups or withdrawals, newest first; {@code next} is the cursor of the following page (absent
 * on the last one).
 */
public record BankSagaPage(List<BankSagaView> items, String next) {

    public static final int MAX_PAGE = 100;

    /** The Panache query of a member's sagas after {@code cursor} (null: from the newest), newest first. */
    static String query(String cursor) {
        String after = cursor == null ? "" : " and (requestedAt < :at or (requestedAt = :at and id < :id))";
        return "memberId = :member" + after + " order by requestedAt desc, id desc";
    }

    static Parameters parameters(UUID memberId, String cursor) {
        Parameters parameters = Parameters.with("member", memberId);
        if (cursor != null) {
            Cursor after = Cursor.decode(cursor);
            parameters.and("at", after.at()).and("id", after.id());
        }
        return parameters;
    }

    static BankSagaPage of(List<? extends BankSaga> sagas, int limit) {
        BankSaga last = sagas.isEmpty() ? null : sagas.get(sagas.size() - 1);
        return new BankSagaPage(sagas.stream().map(BankSagaView::of).toList(),
                sagas.size() < limit ? null : new Cursor(last.requestedAt, last.id).encode());
    }

    /** Opaque to clients: where the previous page ended. */
    record Cursor(Instant at, UUID id) {

        String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((at + "|" + id).getBytes(StandardCharsets.UTF_8));
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
