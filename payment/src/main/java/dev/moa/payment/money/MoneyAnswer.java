package dev.moa.payment.money;

import java.util.UUID;

/**
 * Money's answer to one of payment's commands: {@code ok} (HoldCaptured, TransferPosted) or refused with money's
 * {@code reason} (HoldCaptureFailed, TransferRejected). Nothing moved when refused.
 */
public record MoneyAnswer(UUID commandId, boolean ok, String reason) {
}
