package dev.moa.money.ledger;

import dev.moa.chassis.problem.ProblemException;

import java.util.UUID;

/** One of several linked transfers was refused, so none of them is posted. */
public final class LinkedTransferFailed extends ProblemException {

    private final UUID transferId;
    private final ProblemException refusal;

    public LinkedTransferFailed(UUID transferId, ProblemException refusal) {
        super(refusal.status(), "linked-transfer-failed", "A linked transfer was refused",
                "Transfer " + transferId + ": " + refusal.getMessage() + "; none of the linked transfers was posted");
        this.transferId = transferId;
        this.refusal = refusal;
    }

    public UUID transferId() {
        return transferId;
    }

    /** Why the one transfer was refused. */
    public ProblemException refusal() {
        return refusal;
    }
}
