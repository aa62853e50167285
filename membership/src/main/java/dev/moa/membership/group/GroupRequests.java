package dev.moa.membership.group;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.text.Normalizer;
import java.util.UUID;

/** The request bodies of the group endpoints. Identity never comes from these: it is the token's subject. */
public final class GroupRequests {

    private GroupRequests() {
    }

    /** {@code POST /groups}. Name and description are stripped and NFC-normalized before they are validated. */
    public record NewGroup(
            @NotBlank @Size(max = 80) @PlainText String name,
            @Size(max = 500) @PlainText String description) {

        public NewGroup {
            name = clean(name);
            description = description == null ? "" : clean(description);
        }
    }

    /** {@code POST /groups/join}. */
    public record Join(@NotNull @Pattern(regexp = InviteCodes.PATTERN, message = "is not an invite code") String code) {
    }

    /**
     * {@code PUT /groups/{id}/members/{memberId}/role}. A string, not the enum: Jackson would read a number as an
     * enum's ordinal, and {@code OWNER} moves only by transfer.
     */
    public record RoleChange(
            @NotNull @Pattern(regexp = "TREASURER|MEMBER", message = "must be TREASURER or MEMBER") String role) {

        GroupRole groupRole() {
            return GroupRole.valueOf(role);
        }
    }

    /** {@code PUT /groups/{id}/owner}. */
    public record OwnershipTransfer(@NotNull UUID memberId) {
    }

    private static String clean(String text) {
        return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC).strip();
    }
}
