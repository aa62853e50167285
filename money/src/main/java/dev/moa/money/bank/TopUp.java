package dev.moa.money.bank;

import dev.moa.events.banking.FirmbankingDirection;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A top-up: money from the member's linked bank account into their wallet. Credited (TOP_UP from bank clearing) only
 * once the bank confirmed it, by the transfer {@link #transferIdOf} its id, which the ledger posts at most once.
 */
@Entity
@Table(name = "top_ups")
public class TopUp extends BankSaga {

    @Override
    public FirmbankingDirection direction() {
        return FirmbankingDirection.IN;
    }

    /** The id of a member's top-up asked with {@code idempotencyKey}: a retry names the same top-up. */
    static UUID idOf(UUID memberId, String idempotencyKey) {
        return UUID.nameUUIDFromBytes(("top-up:" + memberId + ":" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
    }

    /** The TOP_UP transfer that credits top-up {@code topUpId}: one id, so it can only ever be posted once. */
    static UUID transferIdOf(UUID topUpId) {
        return UUID.nameUUIDFromBytes(("top-up-credit:" + topUpId).getBytes(StandardCharsets.UTF_8));
    }
}
