/**
 * From events to notices. {@link dev.moa.notifications.notice.EventsConsumer} reads every topic that may prove
 * something people are told; {@link dev.moa.notifications.notice.NoticeRegistry} maps each CloudEvents type to its
 * rule; {@link dev.moa.notifications.notice.NoticeDelivery} writes, in the transaction that records the event in the
 * inbox, the feed row and the mail outbox row of every notice the rule returns (preferences, rate limit and
 * coalescing applied).
 *
 * <h2>Adding an event</h2>
 * One line in the {@link dev.moa.notifications.notice.NoticeRules} bean of its feature, for example for auction's
 * Outbid:
 * <pre>{@code
 * registry.onEach("dev.moa.auction.Outbid", Outbid.class, event -> Notice
 *         .of(event.bidderId(), Category.OUTBID, "outbid", event.lotId())
 *         .with("price", event.price())
 *         .coalescedBy(event.lotId()));
 * }</pre>
 * and the kind's templates {@code templates/notices/<kind>/ko.txt}, {@code en.txt} (fragments {@code subject},
 * {@code summary}, {@code body}) and {@code ko.html}, {@code en.html}. The topic is already consumed
 * ({@code auction.events}, {@code payment.events}); an event type without a rule is skipped.
 *
 * <h2>Which event proves what</h2>
 * A notice comes only from the event that proves its fact, never from a step before it:
 * <ul>
 *   <li>money arrived: TransferPosted (REMITTANCE, PAYOUT); top-up and withdrawal: money's TopUp/Withdrawal
 *       Completed/Failed (after the bank answered and money booked it), not banking's Firmbanking events;</li>
 *   <li>hold events (HoldPlaced, HoldRejected, HoldCaptured, HoldVoided) tell nobody: they are steps of the auction
 *       and payment sagas, whose outcome events tell (registration approved or rejected, payment completed);</li>
 *   <li>lot won (winner) and lot sold (seller): only payment's AuctionPaymentCompleted, after the winner's hold was
 *       captured; LotClosed SOLD alone tells nobody of a win. Reserve not met, unsold: LotClosed, to the seller;
 *       reserve not met also to the highest bidder, whom LotClosed names for that outcome. Payment failed (buyer, a
 *       receipt; seller, AUCTION), second-chance
 *       offer (runner-up, AUCTION): payment's events;</li>
 *   <li>outbid: auction's Outbid, coalesced per lot (category OUTBID, key = lot id);</li>
 *   <li>group invite: membership's GroupInviteSent, to the invitee (GROUP) at the address this service keeps from
 *       membership's events (the event carries none); dues reminder: money's DuesDue (GROUP);</li>
 *   <li>receipts (RECEIPT, mandatory): payment completed, settlement paid, and whatever concerns a subscription's
 *       charges (started, renewed, payment failed, past due, canceled); a plan price change or a renewal reminder
 *       is SUBSCRIPTION (switchable); PlanPriceChanged tells the seller who changed it, and each active subscriber of
 *       the plan from this service's own copy of subscriptions (kept from Subscription* events), a page at a time;</li>
 *   <li>lot won (buyer) is a RECEIPT; lot sold (seller) is AUCTION; a settlement is the payee's RECEIPT when the
 *       payee is a SELLER (a MERCHANT payee is not a member);</li>
 *   <li>registration approved or rejected, reserve not met, unsold: AUCTION (switchable).</li>
 * </ul>
 */
package dev.moa.notifications.notice;
