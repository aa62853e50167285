package dev.moa.events.money;

import dev.moa.events.MoaEvent;

import java.time.Instant;
import java.util.UUID;

/** A wallet was opened for a member ({@code ownerKind} MEMBER) or a group ({@code ownerKind} GROUP). */
public record WalletOpened(UUID accountId, String ownerKind, UUID ownerId, String currency, Instant occurredAt)
        implements MoaEvent {

    @Override
    public String eventType() {
        return "dev.moa.money.WalletOpened";
    }

    @Override
    public String subject() {
        return accountId.toString();
    }
}
