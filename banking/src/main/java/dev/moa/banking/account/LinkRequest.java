package dev.moa.banking.account;

import dev.moa.chassis.problem.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /bank-accounts}: the account to link and its holder's name, which must be the member's own. */
public record LinkRequest(
        @NotNull @Pattern(regexp = "^[0-9]{3}$", message = "must be a three-digit bank code")
        @Schema(examples = "088") String bankCode,
        @NotNull @Pattern(regexp = "^[0-9]{6,20}$", message = "must be 6 to 20 digits, without hyphens")
        @Schema(examples = "110123456789") String accountNumber,
        @NotBlank @Size(max = 100) @Pattern(regexp = Text.PRINTABLE, message = Text.PRINTABLE_MESSAGE)
        @Schema(examples = "Kim Minsu") String holderName) {

    @Override
    public String toString() {
        // Never the full account number in a log line.
        return "LinkRequest[" + bankCode + ", ..." + (accountNumber == null || accountNumber.length() < 4 ? ""
                : accountNumber.substring(accountNumber.length() - 4)) + "]";
    }
}
