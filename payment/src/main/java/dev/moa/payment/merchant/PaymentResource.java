package dev.moa.payment.merchant;

import dev.moa.chassis.idempotency.IdempotentRequests;
import dev.moa.chassis.problem.ProblemException;
import dev.moa.chassis.problem.Text;
import dev.moa.chassis.security.CurrentMember;
import dev.moa.chassis.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * Paying a merchant from the wallet and refunding, each with {@code Idempotency-Key}. A payment is answered 202
 * PENDING: money posts it (or refuses it) asynchronously; {@code GET /payments/{id}} shows the outcome to the payer
 * and to the merchant's seller only.
 */
@Path("/payments")
@Tag(name = "payments")
@RolesAllowed({Roles.MEMBER, Roles.SELLER})
public class PaymentResource {

    private final PaymentService payments;
    private final IdempotentRequests idempotency;
    private final CurrentMember member;

    public PaymentResource(PaymentService payments, IdempotentRequests idempotency, CurrentMember member) {
        this.payments = payments;
        this.idempotency = idempotency;
        this.member = member;
    }

    public record Pay(@NotNull UUID merchantId, @Min(1) @Max(PaymentService.MAX_AMOUNT) long amount,
                      @NotBlank @Size(max = 100) @Pattern(regexp = Text.PRINTABLE) String orderRef) {
    }

    public record RefundRequest(@Min(1) @Max(PaymentService.MAX_AMOUNT) long amount) {
    }

    public record PaymentView(UUID id, UUID merchantId, UUID payerId, long amount, String orderRef,
                              Payment.Status status, String failureReason, long refunded, Instant createdAt,
                              Instant completedAt) {

        static PaymentView of(Payment p) {
            return new PaymentView(p.id, p.merchantId, p.payerId, p.amount, p.orderRef, p.status, p.failureReason,
                    p.refunded, p.createdAt, p.completedAt);
        }
    }

    public record RefundView(UUID id, UUID paymentId, long amount, Payment.Status status, Instant createdAt) {

        static RefundView of(Refund r) {
            return new RefundView(r.id, r.paymentId, r.amount, r.status, r.createdAt);
        }
    }

    @POST
    @Operation(summary = "Pay a merchant from your wallet")
    public Uni<Response> pay(@HeaderParam(IdempotentRequests.HEADER) String key, @Valid @NotNull Pay body) {
        UUID me = member.id();
        return idempotency.execute(me.toString(), key, "POST /payments", body,
                () -> payments.pay(me, body.merchantId(), body.amount(), body.orderRef().strip())
                        .map(payment -> Response.accepted(PaymentView.of(payment))
                                .location(URI.create("/payments/" + payment.id)).build()));
    }

    @GET
    @Path("{id}")
    @WithSession
    @Operation(summary = "A payment, for its payer or the merchant's seller")
    public Uni<PaymentView> one(@PathParam("id") UUID id) {
        UUID me = member.id();
        return Payment.<Payment>findById(id).chain(payment -> payment == null
                ? Uni.createFrom().failure(ProblemException.notFound("Payment " + id))
                : Merchant.<Merchant>findById(payment.merchantId).map(merchant -> {
                    if (!me.equals(payment.payerId) && !me.equals(merchant.sellerId)) {
                        throw ProblemException.notFound("Payment " + id);
                    }
                    return PaymentView.of(payment);
                }));
    }

    @POST
    @Path("{id}/refunds")
    @RolesAllowed(Roles.SELLER)
    @Operation(summary = "Refund all or part of a payment to your merchant (its seller), within the refund window")
    public Uni<Response> refund(@HeaderParam(IdempotentRequests.HEADER) String key, @PathParam("id") UUID id,
                                @Valid @NotNull RefundRequest body) {
        UUID me = member.id();
        return idempotency.execute(me.toString(), key, "POST /payments/" + id + "/refunds", body,
                () -> payments.refund(me, id, body.amount()).map(refund -> Response.accepted(RefundView.of(refund))
                        .location(URI.create("/payments/" + id)).build()));
    }
}
