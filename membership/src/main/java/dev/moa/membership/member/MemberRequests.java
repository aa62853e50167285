package dev.moa.membership.member;

import dev.moa.chassis.problem.Text;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The bodies of the member endpoints, validated at the boundary. */
public final class MemberRequests {

    /** An address with a dotted domain, without spaces or control characters. */
    public static final String EMAIL = "^[^@\\s\\p{Cc}\\p{Cf}]+@[^@\\s\\p{Cc}\\p{Cf}]+\\.[^@\\s\\p{Cc}\\p{Cf}]+$";
    /** E.164, or empty to clear it. */
    static final String PHONE = "^$|^\\+[1-9][0-9]{6,14}$";
    static final String LOCALE = "^(ko|en)$";

    private MemberRequests() {
    }

    public record SignUp(
            @NotBlank @Size(max = 254) @Email @Pattern(regexp = EMAIL, message = "must be an e-mail address") String email,
            @NotNull @Size(min = 10, max = 128) String password,
            @NotBlank @Size(max = 100) @Pattern(regexp = Text.PRINTABLE, message = Text.PRINTABLE_MESSAGE) String name,
            @NotNull Region region,
            @Pattern(regexp = PHONE, message = "must be an E.164 number like +821012345678") String phone,
            @Pattern(regexp = LOCALE, message = "must be ko or en") String locale) {

        @Override
        public String toString() {
            return "SignUp[" + email + "]";
        }
    }

    /** Only the fields present change; an empty phone removes it. */
    public record ProfilePatch(
            @Size(min = 1, max = 100) @Pattern(regexp = Text.PRINTABLE, message = Text.PRINTABLE_MESSAGE) String name,
            Region region,
            @Pattern(regexp = PHONE, message = "must be an E.164 number like +821012345678") String phone,
            @Pattern(regexp = LOCALE, message = "must be ko or en") String locale) {
    }

    public record PasswordChange(
            @NotNull @Size(max = 128) String currentPassword,
            @NotNull @Size(min = 10, max = 128) String newPassword) {

        @Override
        public String toString() {
            return "PasswordChange[***]";
        }
    }

    public record EmailChange(
            @NotBlank @Size(max = 254) @Email @Pattern(regexp = EMAIL, message = "must be an e-mail address")
            String newEmail,
            @NotNull @Size(max = 128) String password) {

        @Override
        public String toString() {
            return "EmailChange[" + newEmail + "]";
        }
    }
}
