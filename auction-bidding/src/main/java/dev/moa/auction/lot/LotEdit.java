package dev.moa.auction.lot;

import dev.moa.chassis.problem.Text;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import dev.moa.auction.lot.LotTerms.Tier;
import java.time.Instant;
import java.util.List;

/** A seller's change to a scheduled lot: only the fields given change; the result is checked as a whole. */
public record LotEdit(
        @Size(min = 1, max = 200) @Pattern(regexp = Text.PRINTABLE, message = Text.PRINTABLE_MESSAGE) String title,
        @Size(min = 1, max = 200) @Pattern(regexp = Text.PRINTABLE, message = Text.PRINTABLE_MESSAGE) String artist,
        @Min(0) @Max(2100) Integer year,
        @Size(max = 200) @Pattern(regexp = Text.PRINTABLE, message = Text.PRINTABLE_MESSAGE) String medium,
        @Size(max = 200) @Pattern(regexp = Text.PRINTABLE, message = Text.PRINTABLE_MESSAGE) String dimensions,
        @Size(max = 5000) String description,
        @Size(max = 10) List<@NotNull @Size(max = 500) @Pattern(regexp = "https://\\S+",
                message = "must be an https URL") String> imageUrls,
        @Size(min = 1, max = 40) @Pattern(regexp = "[A-Z][A-Z_]*", message = "must be an upper-case category code")
        String category,
        @Positive @Max(LotTerms.MAX_AMOUNT) Long startPrice,
        @Positive @Max(LotTerms.MAX_AMOUNT) Long reservePrice,
        @Positive @Max(LotTerms.MAX_AMOUNT) Long buyNowPrice,
        @Size(min = 1, max = Increments.MAX_TIERS) List<@Valid @NotNull Tier> increments,
        Instant startsAt,
        Instant endsAt,
        @PositiveOrZero @Max(3600) Integer softCloseSeconds,
        @PositiveOrZero @Max(3600) Integer extensionSeconds,
        @PositiveOrZero @Max(100) Integer maxExtensions) {

    /** {@code lot}'s terms with this edit applied. */
    LotTerms applyTo(Lot lot) {
        List<Tier> table = increments != null ? increments : lot.incrementTable().tiers().stream()
                .map(t -> new Tier(t.from(), t.increment())).toList();
        return new LotTerms(or(title, lot.title), or(artist, lot.artist), or(year, lot.year), or(medium, lot.medium),
                or(dimensions, lot.dimensions), or(description, lot.description),
                or(imageUrls, lot.imageUrlList()), or(category, lot.category), or(startPrice, lot.startPrice),
                or(reservePrice, lot.reservePrice), or(buyNowPrice, lot.buyNowPrice), table,
                or(startsAt, lot.startsAt), or(endsAt, lot.endsAt), or(softCloseSeconds, lot.softCloseSeconds),
                or(extensionSeconds, lot.extensionSeconds), or(maxExtensions, lot.maxExtensions));
    }

    private static <T> T or(T value, T otherwise) {
        return value != null ? value : otherwise;
    }
}
