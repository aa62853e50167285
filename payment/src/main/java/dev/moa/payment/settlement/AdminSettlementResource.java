package dev.moa.payment.settlement;

import dev.moa.chassis.problem.ProblemException;
import dev.moa.chassis.security.Roles;
import dev.moa.payment.clock.SeoulClock;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Lets an operator settle a past business day now — after an outage of the daily job, or to pay out before it runs —
 * exactly as {@link SettlementJob} does. It needs no {@code Idempotency-Key}: a run is idempotent by the batches'
 * (payee, day) key, so running a day again (or while the job runs it) pays nothing more and answers 0 batches.
 */
@Path("/admin/settlements")
@Tag(name = "settlements")
@RolesAllowed(Roles.ADMIN)
public class AdminSettlementResource {

    /** How far back a day may be settled by hand (older items are in any later day's batch anyway). */
    static final int MAX_DAYS_BACK = 400;

    private final SettlementBatch batch;
    private final Clock clock;

    public AdminSettlementResource(SettlementBatch batch, Clock clock) {
        this.batch = batch;
        this.clock = clock;
    }

    /** A business day in Asia/Seoul, e.g. {@code 2026-11-20}. */
    public record Run(@NotNull LocalDate businessDate) {
    }

    /** The day settled and the batches this run made (0 when everything up to the day's end was settled already). */
    public record RunResult(LocalDate businessDate, int batches) {
    }

    @POST
    @Path("runs")
    @Operation(summary = "Settle a past business day (Asia/Seoul) now, as the daily job does; idempotent per payee and day")
    public Uni<RunResult> run(@Valid @NotNull Run run) {
        LocalDate day = run.businessDate();
        LocalDate today = LocalDate.now(clock.withZone(SeoulClock.ZONE));
        if (!day.isBefore(today)) {
            throw ProblemException.unprocessable("day-not-over",
                    "Only a day that has ended can be settled; today in Asia/Seoul is " + today);
        }
        if (day.isBefore(today.minusDays(MAX_DAYS_BACK))) {
            throw ProblemException.unprocessable("day-too-old",
                    "Settle a day at most " + MAX_DAYS_BACK + " days back; its items are in any later day's batch");
        }
        return batch.settle(day).map(made -> new RunResult(day, made));
    }
}
