package dev.moa.events.money;

import java.util.UUID;

/**
 * Names a ledger account in a command: either a system account by {@code code} (BANK_CLEARING, ESCROW,
 * FEES_REVENUE, SETTLEMENT_PAYABLE), or the wallet of an owner ({@code ownerKind} MEMBER or GROUP, {@code ownerId}).
 * Exactly one of the two forms.
 */
public record AccountRef(String code, String ownerKind, UUID ownerId) {

    public static AccountRef system(String code) {
        return new AccountRef(code, null, null);
    }

    public static AccountRef member(UUID memberId) {
        return new AccountRef(null, "MEMBER", memberId);
    }

    public static AccountRef group(UUID groupId) {
        return new AccountRef(null, "GROUP", groupId);
    }
}
