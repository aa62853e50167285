package dev.moa.auction.bid;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.moa.chassis.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Bid histories from the PostgreSQL bid log (a moment behind the live lot). Other bidders are masked: each appears
 * under a pseudonym stable within the lot, and nobody's hidden maximum is shown but the reader's own. A leader's raise
 * of their maximum is no bid and not in a lot's history; the reader's own maximum counts it.
 */
@ApplicationScoped
public class BidHistory {

    public static final int MAX_PAGE = 100;

    /** One bid as a reader sees it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SeenBid(long seq, String bidder, boolean yours, long price, String kind, Long yourAmount,
                          Instant acceptedAt) {
    }

    /** One of the reader's lots: their registration, best bid and standing. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MyLot(UUID lotId, String title, String lotStatus, Instant endsAt, String registration, Long limit,
                        Long yourMaximum, Long currentPrice, Boolean leading, Boolean won) {
    }

    /** The lot's bids, newest first, before {@code beforeSeq} (exclusive) when given; at most {@code size}. */
    public Uni<List<SeenBid>> ofLot(UUID lotId, UUID reader, Long beforeSeq, int size) {
        if (size < 1 || size > MAX_PAGE || beforeSeq != null && beforeSeq < 1) {
            return Uni.createFrom().failure(ProblemException.badRequest("validation",
                    "size is 1.." + MAX_PAGE + " and before a positive sequence number"));
        }
        long before = beforeSeq == null ? Long.MAX_VALUE : beforeSeq;
        return Panache.withSession(() -> LoggedBid.<LoggedBid>find("lotId = ?1 and seq < ?2 order by seq desc",
                        lotId, before).range(0, size - 1).list())
                .map(bids -> bids.stream().map(bid -> {
                    boolean yours = bid.bidderId.equals(reader);
                    return new SeenBid(bid.seq, yours ? "you" : alias(lotId, bid.bidderId), yours, bid.price,
                            yours ? bid.kind : null, yours ? bid.amount : null, bid.acceptedAt);
                }).toList());
    }

    /** The reader's latest lots (registered for or bid on), at most {@value #MAX_PAGE}. */
    @SuppressWarnings("unchecked")
    public Uni<List<MyLot>> mine(UUID reader) {
        String sql = """
                select l.id, l.title, l.status, l.ends_at, r.status as registration, r.approved_limit,
                       greatest((select max(b.amount) from bids b where b.lot_id = l.id and b.bidder_id = ?1),
                                (select max(m.maximum) from maxima_raised m
                                 where m.lot_id = l.id and m.bidder_id = ?1)) as best,
                       l.current_price,
                       (select b.leader_id from bids b where b.lot_id = l.id order by b.seq desc limit 1) as leader,
                       l.winner_id
                from registrations r join lots l on l.id = r.lot_id
                where r.bidder_id = ?1
                order by r.created_at desc
                limit ?2""";
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                        .createNativeQuery(sql, Object[].class).setParameter(1, reader).setParameter(2, MAX_PAGE)
                        .getResultList()))
                .map(rows -> rows.stream().map(row -> {
                    String status = (String) row[2];
                    UUID leader = (UUID) row[8];
                    return new MyLot((UUID) row[0], (String) row[1], status, instant(row[3]), (String) row[4],
                            (Long) row[5], (Long) row[6], (Long) row[7], leader == null ? null : reader.equals(leader),
                            "CLOSED".equals(status) ? reader.equals(row[9]) : null);
                }).toList());
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return value instanceof java.sql.Timestamp timestamp ? timestamp.toInstant() : null;
    }

    /** A pseudonym of a bidder, the same throughout one lot and unrelated across lots. */
    static String alias(UUID lotId, UUID bidder) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((lotId + ":" + bidder).getBytes(StandardCharsets.UTF_8));
            return "bidder-" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
