package dev.moa.events.money;

import java.util.List;
import java.util.UUID;

/**
 * Asks money to post a transfer from {@code debit} to {@code credit}; the transfer's id is the {@code commandId}.
 * {@code kind} is a ledger transfer kind (PAYMENT, SETTLEMENT, REFUND, ...). The {@code linked} transfers are posted
 * with it, all or none. Answered by {@link TransferPosted} (transferId = commandId) or {@link TransferRejected}.
 */
public record Transfer(UUID commandId, AccountRef debit, AccountRef credit, long amount, String kind,
                       String reference, String memo, List<LinkedTransfer> linked) implements MoneyCommand {

    public Transfer {
        linked = linked == null ? List.of() : List.copyOf(linked);
    }

    @Override
    public String eventType() {
        return "dev.moa.money.command.Transfer";
    }

    @Override
    public String subject() {
        return commandId.toString();
    }
}
