package dev.moa.money.bank;

import dev.moa.events.banking.FirmbankingDirection;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A withdrawal: money from the member's wallet to their linked bank account. The amount is held when it is asked
 * ({@link #holdId}), captured to bank clearing as the WITHDRAWAL transfer {@link #transferIdOf} once the bank paid it
 * out, and released if the bank did not.
 */
@Entity
@Table(name = "withdrawals")
public class Withdrawal extends BankSaga {

    @Column(name = "hold_id")
    public UUID holdId;

    @Override
    public FirmbankingDirection direction() {
        return FirmbankingDirection.OUT;
    }

    /** The id of a member's withdrawal asked with {@code idempotencyKey}: a retry names the same withdrawal. */
    static UUID idOf(UUID memberId, String idempotencyKey) {
        return UUID.nameUUIDFromBytes(("withdrawal:" + memberId + ":" + idempotencyKey)
                .getBytes(StandardCharsets.UTF_8));
    }

    static UUID holdIdOf(UUID withdrawalId) {
        return UUID.nameUUIDFromBytes(("withdrawal-hold:" + withdrawalId).getBytes(StandardCharsets.UTF_8));
    }

    /** The WITHDRAWAL transfer (wallet to bank clearing): one id, so it can only ever be posted once. */
    static UUID transferIdOf(UUID withdrawalId) {
        return UUID.nameUUIDFromBytes(("withdrawal-debit:" + withdrawalId).getBytes(StandardCharsets.UTF_8));
    }
}
