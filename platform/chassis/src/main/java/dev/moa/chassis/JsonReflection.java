package dev.moa.chassis;

import dev.moa.chassis.problem.Problem;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The types Jackson reads and writes by reflection outside what Quarkus sees, registered for a native image.
 * <p>
 * Quarkus registers the types in REST resource signatures and the entities by itself. It does not see the event and
 * command records of platform/events: the outbox writes them with {@code EventJson.mapper()} and every consumer reads
 * them with it, by class, from a Kafka payload. Nor does it see {@link Problem}, which the exception mappers put in a
 * {@code Response}. Unregistered, a native image does not fail at once: it finds no record components and writes
 * {@code {}}, or cannot construct the record on reading. One list here, in the chassis every service depends on,
 * instead of a copy in each service; {@code JsonReflectionTest} fails, naming the type, when an event record is added
 * to platform/events but not here.
 */
@RegisterForReflection(targets = {
        Problem.class,
        Problem.FieldError.class,
        dev.moa.events.auction.BidAccepted.class,
        dev.moa.events.auction.LotCanceled.class,
        dev.moa.events.auction.LotClosed.class,
        dev.moa.events.auction.LotExtended.class,
        dev.moa.events.auction.LotOpened.class,
        dev.moa.events.auction.LotScheduled.class,
        dev.moa.events.auction.MaximumRaised.class,
        dev.moa.events.auction.Outbid.class,
        dev.moa.events.auction.RegistrationApproved.class,
        dev.moa.events.auction.RegistrationRejected.class,
        dev.moa.events.banking.BankAccountLinked.class,
        dev.moa.events.banking.BankAccountUnlinked.class,
        dev.moa.events.banking.FirmbankingDirection.class,
        dev.moa.events.banking.FirmbankingFailed.class,
        dev.moa.events.banking.FirmbankingSucceeded.class,
        dev.moa.events.banking.RequestFirmbanking.class,
        dev.moa.events.membership.GroupCreated.class,
        dev.moa.events.membership.GroupInviteSent.class,
        dev.moa.events.membership.GroupMemberJoined.class,
        dev.moa.events.membership.GroupMemberLeft.class,
        dev.moa.events.membership.GroupRoleChanged.class,
        dev.moa.events.membership.MemberRegistered.class,
        dev.moa.events.membership.MemberUpdated.class,
        dev.moa.events.membership.SellerApproved.class,
        dev.moa.events.money.AccountRef.class,
        dev.moa.events.money.CaptureHold.class,
        dev.moa.events.money.DuesCollected.class,
        dev.moa.events.money.DuesDue.class,
        dev.moa.events.money.DuesUnpaid.class,
        dev.moa.events.money.HoldCaptureFailed.class,
        dev.moa.events.money.HoldCaptured.class,
        dev.moa.events.money.HoldPlaced.class,
        dev.moa.events.money.HoldRejected.class,
        dev.moa.events.money.HoldVoidFailed.class,
        dev.moa.events.money.HoldVoided.class,
        dev.moa.events.money.LinkedTransfer.class,
        dev.moa.events.money.PlaceHold.class,
        dev.moa.events.money.TopUpCompleted.class,
        dev.moa.events.money.TopUpFailed.class,
        dev.moa.events.money.Transfer.class,
        dev.moa.events.money.TransferPosted.class,
        dev.moa.events.money.TransferRejected.class,
        dev.moa.events.money.VoidHold.class,
        dev.moa.events.money.WalletOpened.class,
        dev.moa.events.money.WithdrawalCompleted.class,
        dev.moa.events.money.WithdrawalFailed.class,
        dev.moa.events.payment.AuctionPaymentCompleted.class,
        dev.moa.events.payment.AuctionPaymentFailed.class,
        dev.moa.events.payment.PaymentCompleted.class,
        dev.moa.events.payment.PaymentRefunded.class,
        dev.moa.events.payment.PlanPriceChanged.class,
        dev.moa.events.payment.SecondChanceOffered.class,
        dev.moa.events.payment.SettlementPaid.class,
        dev.moa.events.payment.SubscriptionCanceled.class,
        dev.moa.events.payment.SubscriptionPastDue.class,
        dev.moa.events.payment.SubscriptionPaymentFailed.class,
        dev.moa.events.payment.SubscriptionRenewed.class,
        dev.moa.events.payment.SubscriptionStarted.class
})
public final class JsonReflection {

    private JsonReflection() {
    }
}
