package dev.moa.membership.group;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.text.Normalizer;
import java.util.UUID;

/** The request bodies of the group endpoints. Identity never comes from these: it is the token's subject. */
public final class GroupRequests {

    private static final String UUID_FORM =
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    /** Surrounding spaces of any kind go, so that a name of only (ideographic, no-break …) spaces is blank. */
    private static final java.util.regex.Pattern EDGE_SPACES =
            java.util.regex.Pattern.compile("^[\\p{Z}\\s]+|[\\p{Z}\\s]+$");

    private GroupRequests() {
    }

    /**
     * {@code POST /groups}. Name and description are NFC-normalized (decomposed Hangul becomes composed) and stripped
     * of surrounding spaces before they are validated.
     */
    public record NewGroup(
            @NotBlank @Size(max = 80) @PlainText String name,
            @Size(max = 500) @PlainText String description) {

        public NewGroup {
            name = clean(name);
            description = description == null ? "" : clean(description);
        }
    }

    /** {@code POST /groups/{id}/invitations}: whom to invite, by the e-mail address of their Moa account. */
    public record InviteByEmail(
            @NotBlank @Size(max = 254) @jakarta.validation.constraints.Email
            @Pattern(regexp = dev.moa.membership.member.MemberRequests.EMAIL, message = "must be an e-mail address")
            String email) {

        @Override
        public String toString() {
            return "InviteByEmail[…]";
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

    /**
     * {@code PUT /groups/{id}/owner}. The id is read as a string in canonical form: Jackson's UUID reading would trim
     * control characters around it and accept what is not a member id as written.
     */
    public record OwnershipTransfer(
            @NotNull @Pattern(regexp = UUID_FORM, message = "must be a member id (a UUID)") String memberId) {

        UUID newOwnerId() {
            return UUID.fromString(memberId);
        }
    }


    private static String clean(String text) {
        return text == null ? null
                : EDGE_SPACES.matcher(Normalizer.normalize(text, Normalizer.Form.NFC)).replaceAll("");
    }
}
