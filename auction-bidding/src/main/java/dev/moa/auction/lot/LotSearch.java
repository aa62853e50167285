package dev.moa.auction.lot;

import dev.moa.chassis.problem.ProblemException;
import io.quarkus.panache.common.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A query of {@code GET /lots}: filters, one of a few sorts, a bounded page. */
public record LotSearch(LotStatus status, String category, String artist, String text, String sort, int page,
                        int size) {

    public static final int MAX_SIZE = 100;
    public static final int MAX_PAGE = 1000;
    private static final int MAX_TEXT = 100;

    public LotSearch {
        if (page < 0 || page > MAX_PAGE || size < 1 || size > MAX_SIZE) {
            throw ProblemException.badRequest("validation", "page is 0.." + MAX_PAGE + " and size 1.." + MAX_SIZE);
        }
        if (tooLong(category) || tooLong(artist) || tooLong(text)) {
            throw ProblemException.badRequest("validation", "A filter has at most " + MAX_TEXT + " characters");
        }
        sort = sort == null ? "ending" : sort;
        if (!List.of("ending", "price", "price_desc", "newest").contains(sort)) {
            throw ProblemException.badRequest("validation", "sort is one of ending, price, price_desc, newest");
        }
    }

    /** The HQL condition, its parameters and the ordering. */
    Query query() {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (status != null) {
            where.add("status = :status");
            parameters.and("status", status);
        }
        if (category != null && !category.isBlank()) {
            where.add("category = :category");
            parameters.and("category", category.toUpperCase(Locale.ROOT));
        }
        if (artist != null && !artist.isBlank()) {
            where.add("lower(artist) like :artist escape '\\'");
            parameters.and("artist", "%" + like(artist) + "%");
        }
        if (text != null && !text.isBlank()) {
            where.add("(lower(title) like :text escape '\\' or lower(artist) like :text escape '\\'"
                    + " or lower(description) like :text escape '\\')");
            parameters.and("text", "%" + like(text) + "%");
        }
        String order = switch (sort) {
            case "price" -> "coalesce(currentPrice, startPrice) asc, id";
            case "price_desc" -> "coalesce(currentPrice, startPrice) desc, id";
            case "newest" -> "createdAt desc, id";
            default -> "endsAt asc, id";
        };
        String condition = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        return new Query(condition, parameters, order);
    }

    record Query(String where, Parameters parameters, String order) {
    }

    private static String like(String value) {
        return value.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static boolean tooLong(String value) {
        return value != null && value.length() > MAX_TEXT;
    }
}
