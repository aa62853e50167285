package dev.moa.notifications.banking;

import dev.moa.events.banking.BankAccountLinked;
import dev.moa.events.banking.BankAccountUnlinked;
import dev.moa.notifications.notice.Category;
import dev.moa.notifications.notice.Notice;
import dev.moa.notifications.notice.NoticeRegistry;
import dev.moa.notifications.notice.NoticeRules;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code banking.events}: a bank account linked to or removed from the member's account is a security notice (money
 * can leave through it), never switched off. Only the last four digits of the account number are shown. Firm-banking
 * results tell nobody here: money's TopUp/Withdrawal outcome events do, once money has booked them.
 */
@ApplicationScoped
public class BankingRules implements NoticeRules {

    @Override
    public void register(NoticeRegistry registry) {
        registry.onEach("dev.moa.banking.BankAccountLinked", BankAccountLinked.class, event -> Notice
                        .of(event.memberId(), Category.SECURITY, "bank-account-linked", event.bankAccountId())
                        .with("bankCode", event.bankCode()).with("last4", last4(event.accountNumberLast4())))
                .onEach("dev.moa.banking.BankAccountUnlinked", BankAccountUnlinked.class, event -> Notice
                        .of(event.memberId(), Category.SECURITY, "bank-account-unlinked", event.bankAccountId()));
    }

    /** At most four digits, whatever arrives: an account number is never shown in full. */
    private static String last4(String digits) {
        if (digits == null) {
            return null;
        }
        String only = digits.replaceAll("[^0-9]", "");
        return only.length() <= 4 ? only : only.substring(only.length() - 4);
    }
}
