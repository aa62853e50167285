package dev.moa.payment;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The bodies this service's resources answer inside a {@code Response} (created and accepted answers, idempotent
 * replays), registered for reflection for a native image: Quarkus registers the types that appear in resource
 * signatures, not an entity handed to a {@code Response}, and Jackson reads a record's components by reflection
 * (unregistered in a native image, it writes {@code {}}). A new body returned that way belongs here.
 */
@RegisterForReflection(targets = {
        dev.moa.payment.merchant.MerchantResource.MerchantView.class,
        dev.moa.payment.merchant.PaymentResource.PaymentView.class,
        dev.moa.payment.merchant.PaymentResource.RefundView.class,
        dev.moa.payment.order.OfferResource.OfferView.class,
        dev.moa.payment.plan.PlanResource.PlanView.class,
        dev.moa.payment.subscription.SubscriptionView.class
})
final class ResponseBodies {

    private ResponseBodies() {
    }
}
