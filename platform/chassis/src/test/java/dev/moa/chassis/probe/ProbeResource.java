package dev.moa.chassis.probe;

import dev.moa.chassis.idempotency.IdempotentRequests;
import dev.moa.chassis.outbox.Outbox;
import dev.moa.chassis.problem.ProblemException;
import dev.moa.chassis.security.CurrentMember;
import dev.moa.chassis.security.Roles;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

/** A small application on the chassis, for its tests: state changes with events, money-like commands, errors. */
@Path("/probe")
public class ProbeResource {

    private final Outbox outbox;
    private final IdempotentRequests idempotent;
    private final CurrentMember member;

    public ProbeResource(Outbox outbox, IdempotentRequests idempotent, CurrentMember member) {
        this.outbox = outbox;
        this.idempotent = idempotent;
        this.member = member;
    }

    public record Deposit(@NotBlank @Size(max = 64) String account, @Positive @Max(1_000_000_000L) long amount) {
    }

    /** Changes an account and records its event in the same transaction. */
    @POST
    @Path("/changes")
    @WithTransaction
    public Uni<Map<String, Object>> change(@QueryParam("topic") String topic, @QueryParam("account") String account,
                                           @QueryParam("n") long n) {
        return bump(account, 1).chain(() -> outbox.append(topic, new ProbeHappened(account, n)))
                .map(eventId -> Map.of("eventId", eventId));
    }

    /** Fails after writing both the change and its event: neither may survive. */
    @POST
    @Path("/changes/failing")
    @WithTransaction
    public Uni<Void> failingChange(@QueryParam("topic") String topic, @QueryParam("account") String account) {
        return bump(account, 1).chain(() -> outbox.append(topic, new ProbeHappened(account, -1)))
                .chain(() -> Uni.createFrom().failure(ProblemException.conflict("probe-failed", "failed on purpose")));
    }

    /** An idempotent money-like command of the calling member. */
    @POST
    @Path("/deposits")
    @RolesAllowed(Roles.MEMBER)
    public Uni<Response> deposit(@HeaderParam(IdempotentRequests.HEADER) String key, @Valid Deposit deposit) {
        String owner = member.id().toString();
        return idempotent.execute(owner, key, "POST /probe/deposits", deposit, () -> bump(deposit.account(),
                deposit.amount())
                .replaceWith(() -> {
                    UUID depositId = UUID.randomUUID();
                    return Response.created(URI.create("/probe/deposits/" + depositId))
                            .entity(Map.of("depositId", depositId, "account", deposit.account(),
                                    "amount", deposit.amount()))
                            .build();
                }));
    }

    @GET
    @Path("/me")
    @RolesAllowed(Roles.MEMBER)
    public Map<String, Object> me() {
        return Map.of("memberId", member.id(), "seller", member.hasRole(Roles.SELLER));
    }

    @GET
    @Path("/admin")
    @RolesAllowed(Roles.ADMIN)
    public Map<String, String> admin() {
        return Map.of("ok", "admin");
    }

    @GET
    @Path("/limited")
    public Map<String, String> limited() {
        throw ProblemException.tooManyRequests("slow down", 42);
    }

    @GET
    @Path("/boom")
    public Map<String, String> boom() {
        throw new IllegalStateException("secret internal detail: password=hunter2");
    }

    private static Uni<Integer> bump(String account, long amount) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "insert into probe_account (name, balance) values (?1, ?2) "
                                + "on conflict (name) do update set balance = probe_account.balance + ?2")
                .setParameter(1, account)
                .setParameter(2, amount)
                .executeUpdate());
    }
}
