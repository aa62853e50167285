package dev.moa.auction.lot;

import dev.moa.chassis.problem.Text;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/**
 * What a seller states about a lot, on creation (all of it) and on an edit (the merged result is checked again).
 * Amounts in won. The reserve is never shown to bidders. Without {@code increments} the default table applies.
 */
public record LotTerms(
        @NotBlank @Size(max = 200) @Pattern(regexp = Text.PRINTABLE, message = Text.PRINTABLE_MESSAGE) String title,
        @NotBlank @Size(max = 200) @Pattern(regexp = Text.PRINTABLE, message = Text.PRINTABLE_MESSAGE) String artist,
        @Min(0) @Max(2100) Integer year,
        @Size(max = 200) @Pattern(regexp = Text.PRINTABLE, message = Text.PRINTABLE_MESSAGE) String medium,
        @Size(max = 200) @Pattern(regexp = Text.PRINTABLE, message = Text.PRINTABLE_MESSAGE) String dimensions,
        @Size(max = 5000) String description,
        @Size(max = 10) List<@NotNull @Size(max = 500) @Pattern(regexp = "https://\\S+",
                message = "must be an https URL") String> imageUrls,
        @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z][A-Z_]*", message = "must be an upper-case category code")
        String category,
        @Positive @Max(LotTerms.MAX_AMOUNT) long startPrice,
        @Positive @Max(LotTerms.MAX_AMOUNT) Long reservePrice,
        @Positive @Max(LotTerms.MAX_AMOUNT) Long buyNowPrice,
        @Size(min = 1, max = Increments.MAX_TIERS) List<@Valid @NotNull Tier> increments,
        @NotNull Instant startsAt,
        @NotNull Instant endsAt,
        @PositiveOrZero @Max(3600) Integer softCloseSeconds,
        @PositiveOrZero @Max(3600) Integer extensionSeconds,
        @PositiveOrZero @Max(100) Integer maxExtensions) {

    /** The largest amount anywhere in auction-bidding (as in money): well inside a Lua number's exact range. */
    public static final long MAX_AMOUNT = 1_000_000_000_000L;

    public record Tier(@PositiveOrZero @Max(MAX_AMOUNT) long from, @Positive @Max(MAX_AMOUNT) long increment) {
    }

    public int softCloseOrDefault() {
        return softCloseSeconds == null ? 120 : softCloseSeconds;
    }

    public int extensionOrDefault() {
        return extensionSeconds == null ? 120 : extensionSeconds;
    }

    public int maxExtensionsOrDefault() {
        return maxExtensions == null ? 10 : maxExtensions;
    }
}
