package dev.moa.flows;

import dev.moa.banksim.BankModel.AccountView;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The people a flow needs, made the way the app makes them: signed up, approved, topped up through the bank. */
final class FlowMembers {

    private FlowMembers() {
    }

    /** A member who applied to sell, approved by the platform's admin, with a token that carries SELLER. */
    static AppUser approvedSeller(RunningPlatform platform, String name) {
        AppUser member = AppUser.signUp(platform, name);
        member.at("membership").body(Map.of("businessName", name)).post("/sellers/applications")
                .then().statusCode(201);
        AppUser admin = AppUser.login(platform, RunningPlatform.ADMIN_EMAIL, RunningPlatform.ADMIN_PASSWORD, "admin",
                null);
        admin.at("membership").post("/admin/sellers/" + member.memberId() + "/approve").then().statusCode(200);
        return member.relogin();
    }

    /** A member whose wallet holds {@code amount}, topped up from their own bank account. */
    static AppUser fundedMember(RunningPlatform platform, String name, long amount) {
        AppUser member = AppUser.signUp(platform, name).awaitWallet();
        AccountView account = platform.bank().openAccount(name, amount * 2);
        String topUp = member.askBank("/top-ups", member.linkBankAccount(account), amount);
        assertThat(member.awaitBankOutcome(topUp).jsonPath().getString("status")).isEqualTo("COMPLETED");
        return member;
    }
}
