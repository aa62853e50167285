package dev.moa.payment.order;

import java.time.Instant;
import java.util.UUID;

/** An order as its buyer and its seller see it. */
public record OrderView(UUID id, Order.Kind kind, UUID lotId, UUID buyerId, UUID sellerId, long hammerPrice,
                        long premium, long total, OrderStatus status, String failureReason, Instant closedAt,
                        Instant createdAt, Instant updatedAt) {

    static OrderView of(Order order) {
        return new OrderView(order.id, order.kind, order.lotId, order.buyerId, order.sellerId, order.hammerPrice,
                order.premium, order.total, order.status, order.failureReason, order.closedAt, order.createdAt,
                order.updatedAt);
    }
}
