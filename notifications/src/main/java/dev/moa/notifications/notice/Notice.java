package dev.moa.notifications.notice;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One member to be told one thing, as a rule derives it from an event. {@code kind} names the templates
 * ({@code templates/notices/<kind>/<locale>.txt} and {@code .html}); {@code params} are what the templates show
 * (text, numbers, booleans only). A notice with a {@code coalesceKey} is coalesced: within the window, further
 * notices of the same (category, key, member) update the open notification instead of sending another message.
 *
 * @param memberId    who is told
 * @param category    the preference category
 * @param kind        the template name, {@code [a-z0-9-]}
 * @param ref         the id of what it is about (transfer, lot, group), shown to apps; may be null
 * @param params      template parameters
 * @param coalesceKey the subject notices are coalesced by, or null
 */
public record Notice(UUID memberId, Category category, String kind, String ref, Map<String, Object> params,
                     String coalesceKey) {

    private static final Pattern KIND = Pattern.compile("[a-z0-9-]{1,60}");
    private static final int MAX_PARAMS = 20;

    public Notice {
        Objects.requireNonNull(memberId, "a notice needs a member");
        Objects.requireNonNull(category, "a notice needs a category");
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("a notice kind is [a-z0-9-]{1,60}, not " + kind);
        }
        if (params.size() > MAX_PARAMS) {
            throw new IllegalArgumentException("a notice has at most " + MAX_PARAMS + " parameters");
        }
        params.forEach((name, value) -> {
            if (value != null && !(value instanceof String || value instanceof Long || value instanceof Integer
                    || value instanceof Boolean)) {
                throw new IllegalArgumentException("notice parameter " + name + " must be text, a number or a boolean");
            }
        });
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        if (coalesceKey != null && (coalesceKey.isBlank() || coalesceKey.length() > 200)) {
            throw new IllegalArgumentException("a coalesce key has 1 to 200 characters");
        }
    }

    /** A notice of {@code kind} for {@code memberId}, without parameters yet. */
    public static Notice of(UUID memberId, Category category, String kind, Object ref) {
        return new Notice(memberId, category, kind, ref == null ? null : ref.toString(), Map.of(), null);
    }

    /** This notice with one more parameter (a null value is left out). */
    public Notice with(String name, Object value) {
        if (value == null) {
            return this;
        }
        Map<String, Object> more = new LinkedHashMap<>(params);
        more.put(name, value instanceof UUID || value instanceof Enum<?> ? value.toString() : value);
        return new Notice(memberId, category, kind, ref, more, coalesceKey);
    }

    /** This notice, coalesced by {@code key} (for example the lot id of an outbid). */
    public Notice coalescedBy(Object key) {
        return new Notice(memberId, category, kind, ref, params, key.toString());
    }
}
