package dev.moa.banking.account;

import dev.moa.banking.BankSimulatorResource;
import dev.moa.banking.Banking;
import dev.moa.banking.Banking.Event;
import dev.moa.banksim.BankModel.AccountView;
import dev.moa.banksim.FaultSettings;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static dev.moa.banking.Banking.BANK_CODE;
import static dev.moa.banking.Banking.bankAccount;
import static dev.moa.banking.Banking.link;
import static dev.moa.banking.Banking.linked;
import static dev.moa.banking.Banking.newMember;
import static dev.moa.banking.Banking.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/** Linking bank accounts over HTTP, verified with the bank simulator running as a separate process. */
@QuarkusTest
class BankAccountLinkingTest {

    @AfterEach
    void noFaults() {
        BankSimulatorResource.bank().resetFaults();
    }

    @Test
    void linksAnAccountHeldInTheMembersNameAndShowsOnlyItsLastFourDigits() {
        UUID member = newMember("Kim Minsu");
        AccountView account = bankAccount("Kim Minsu", 0);
        String last4 = account.accountNumber().substring(account.accountNumber().length() - 4);

        Response response = link(member, BANK_CODE, account.accountNumber(), "Kim Minsu");

        response.then().statusCode(201)
                .body("bankCode", equalTo(BANK_CODE))
                .body("accountNumberLast4", equalTo(last4))
                .body("accountNumberMasked", equalTo("********" + last4))
                .body("holderName", equalTo("Kim Minsu"))
                .body("status", equalTo("ACTIVE"))
                .body(not(containsString(account.accountNumber())));
        String id = response.jsonPath().getString("id");
        assertThat(response.header("Location")).endsWith("/bank-accounts/" + id);
        Event linkedEvent = awaitEvent("dev.moa.banking.BankAccountLinked", id);
        assertThat(linkedEvent.data().path("memberId").asText()).isEqualTo(member.toString());
        assertThat(linkedEvent.data().path("accountNumberLast4").asText()).isEqualTo(last4);
        assertThat(linkedEvent.data().toString()).doesNotContain(account.accountNumber());
    }

    @Test
    void comparesHolderNamesIgnoringCaseAndExtraSpaces() {
        UUID member = newMember("Kim Minsu");
        AccountView account = bankAccount("KIM MINSU", 0);

        link(member, BANK_CODE, account.accountNumber(), "  kim   minsu ").then().statusCode(201);
    }

    @Test
    void refusesAnAccountInAnotherPersonsNameWithoutAskingTheBank() {
        UUID mallory = newMember("Mallory Park");
        AccountView victims = bankAccount("Lee Jiwoo", 1_000_000);
        double verificationsBefore = Banking.metric("moa_bank_calls_total", "operation=\"verify\"");

        link(mallory, BANK_CODE, victims.accountNumber(), "Lee Jiwoo").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://moa.dev/problems/holder-name-not-member"));

        assertNothingStoredFor(mallory);
        assertThat(Banking.metric("moa_bank_calls_total", "operation=\"verify\"")).isEqualTo(verificationsBefore);
    }

    @Test
    void refusesAnAccountTheBankHoldsUnderAnotherName() {
        UUID member = newMember("Kim Minsu");
        AccountView someoneElses = bankAccount("Park Seoyeon", 0);

        link(member, BANK_CODE, someoneElses.accountNumber(), "Kim Minsu").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://moa.dev/problems/holder-name-mismatch"));

        assertNothingStoredFor(member);
    }

    @Test
    void refusesAnAccountTheBankDoesNotKnow() {
        UUID member = newMember("Kim Minsu");

        link(member, BANK_CODE, "000000000000", "Kim Minsu").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://moa.dev/problems/bank-account-unknown"));
        link(member, "004", "123456789012", "Kim Minsu").then().statusCode(422)
                .body("type", equalTo("https://moa.dev/problems/bank-account-unknown"));

        assertNothingStoredFor(member);
    }

    @Test
    void refusesAnAccountTheBankClosed() {
        UUID member = newMember("Kim Minsu");
        AccountView account = bankAccount("Kim Minsu", 0);
        BankSimulatorResource.bank().closeAccount(BANK_CODE, account.accountNumber());

        link(member, BANK_CODE, account.accountNumber(), "Kim Minsu").then().statusCode(422)
                .body("type", equalTo("https://moa.dev/problems/bank-account-closed"));

        assertNothingStoredFor(member);
    }

    @Test
    void answers503WithRetryAfterWhenTheBankIsDown() {
        UUID member = newMember("Kim Minsu");
        AccountView account = bankAccount("Kim Minsu", 0);
        BankSimulatorResource.bank().setFaults(FaultSettings.NONE.withOutage(null));

        link(member, BANK_CODE, account.accountNumber(), "Kim Minsu").then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("5"))
                .body("type", equalTo("https://moa.dev/problems/bank-unavailable"));

        assertNothingStoredFor(member);
    }

    @Test
    void answers503WhenTheBankDoesNotAnswerInTime() {
        UUID member = newMember("Kim Minsu");
        AccountView account = bankAccount("Kim Minsu", 0);
        BankSimulatorResource.bank().setFaults(FaultSettings.latency(2_500, 2_500));

        link(member, BANK_CODE, account.accountNumber(), "Kim Minsu").then().statusCode(503)
                .body("type", equalTo("https://moa.dev/problems/bank-unavailable"));

        assertNothingStoredFor(member);
    }

    @Test
    void refusesTheSameAccountLinkedTwice() {
        UUID member = newMember("Kim Minsu");
        UUID namesake = newMember("Kim Minsu");
        AccountView account = bankAccount("Kim Minsu", 0);
        linked(member, account);

        link(member, BANK_CODE, account.accountNumber(), "Kim Minsu").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://moa.dev/problems/bank-account-already-linked"));
        link(namesake, BANK_CODE, account.accountNumber(), "Kim Minsu").then().statusCode(409);

        assertThat(Banking.count("select count(*) from bank_accounts where account_number = ?",
                account.accountNumber())).isEqualTo(1);
    }

    @Test
    void refusesMoreAccountsThanTheLimit() {
        UUID member = newMember("Kim Minsu");
        for (int i = 0; i < 3; i++) {
            linked(member, bankAccount("Kim Minsu", 0));
        }

        link(member, BANK_CODE, bankAccount("Kim Minsu", 0).accountNumber(), "Kim Minsu").then().statusCode(422)
                .body("type", equalTo("https://moa.dev/problems/bank-account-limit"));

        assertThat(Banking.count("select count(*) from bank_accounts where member_id = ?", member)).isEqualTo(3);
    }

    @Test
    void concurrentLinksNeverPassTheLimit() throws Exception {
        UUID member = newMember("Kim Minsu");
        List<AccountView> accounts = List.of(bankAccount("Kim Minsu", 0), bankAccount("Kim Minsu", 0),
                bankAccount("Kim Minsu", 0), bankAccount("Kim Minsu", 0), bankAccount("Kim Minsu", 0),
                bankAccount("Kim Minsu", 0));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(accounts.size());
        try {
            var answers = pool.invokeAll(accounts.stream().<java.util.concurrent.Callable<Integer>>map(account -> () ->
                    link(member, BANK_CODE, account.accountNumber(), "Kim Minsu").statusCode()).toList());
            long created = 0;
            for (var answer : answers) {
                created += answer.get() == 201 ? 1 : 0;
            }
            assertThat(created).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
        assertThat(Banking.count("select count(*) from bank_accounts where member_id = ? and status = 'ACTIVE'",
                member)).isEqualTo(3);
    }

    @Test
    void aMemberSeesOnlyTheirOwnAccounts() {
        UUID member = newMember("Kim Minsu");
        UUID other = newMember("Lee Jiwoo");
        UUID mine = linked(member, bankAccount("Kim Minsu", 0));
        UUID theirs = linked(other, bankAccount("Lee Jiwoo", 0));

        given().auth().oauth2(token(member)).when().get("/bank-accounts").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].id", equalTo(mine.toString()));
        given().auth().oauth2(token(member)).when().get("/bank-accounts/" + theirs).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(token(member)).when().get("/bank-accounts/" + mine).then().statusCode(200)
                .body("id", equalTo(mine.toString()));
    }

    @Test
    void aMemberCannotUnlinkAnotherMembersAccount() {
        UUID member = newMember("Kim Minsu");
        UUID other = newMember("Lee Jiwoo");
        UUID theirs = linked(other, bankAccount("Lee Jiwoo", 0));

        given().auth().oauth2(token(member)).when().delete("/bank-accounts/" + theirs).then().statusCode(404)
                .contentType("application/problem+json");

        assertThat(Banking.text("select status from bank_accounts where id = ?", theirs)).isEqualTo("ACTIVE");
    }

    @Test
    void unlinkingAnnouncesItAndFreesTheAccount() {
        UUID member = newMember("Kim Minsu");
        AccountView account = bankAccount("Kim Minsu", 0);
        UUID id = linked(member, account);

        given().auth().oauth2(token(member)).when().delete("/bank-accounts/" + id).then().statusCode(204);

        awaitEvent("dev.moa.banking.BankAccountUnlinked", id.toString());
        given().auth().oauth2(token(member)).when().get("/bank-accounts").then().body("$", hasSize(0));
        given().auth().oauth2(token(member)).when().delete("/bank-accounts/" + id).then().statusCode(404);
        link(member, BANK_CODE, account.accountNumber(), "Kim Minsu").then().statusCode(201);
    }

    @Test
    void aMemberBankingDoesNotKnowYetIsAskedToRetry() {
        UUID stranger = UUID.randomUUID();
        AccountView account = bankAccount("Kim Minsu", 0);

        link(stranger, BANK_CODE, account.accountNumber(), "Kim Minsu").then().statusCode(503)
                .header("Retry-After", equalTo("2"))
                .body("type", equalTo("https://moa.dev/problems/member-profile-pending"));
    }

    @Test
    void aRenamedMemberLinksUnderTheNewName() {
        UUID member = newMember("Kim Minsu");
        Banking.publish("membership.events", "/moa/membership", new dev.moa.events.membership.MemberUpdated(member,
                "x@example.com", "Kim Minji", "SEOUL", "ko", java.time.Instant.now()), UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> "Kim Minji".equals(
                Banking.text("select name from members where member_id = ?", member)));

        link(member, BANK_CODE, bankAccount("Kim Minji", 0).accountNumber(), "Kim Minji").then().statusCode(201);
    }

    @Test
    void refusesMalformedAndInvalidBodiesWithProblems() {
        UUID member = newMember("Kim Minsu");
        String token = token(member);

        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"bankCode\":").when()
                .post("/bank-accounts").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://moa.dev/problems/malformed-json"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"bankCode\":\"88\",\"accountNumber\":\"12-34\",\"holderName\":\"\"}").when()
                .post("/bank-accounts").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://moa.dev/problems/validation"))
                .body("errors.field", org.hamcrest.Matchers.hasItems("bankCode", "accountNumber", "holderName"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"bankCode\":88,\"accountNumber\":\"123456789012\",\"holderName\":\"Kim Minsu\"}").when()
                .post("/bank-accounts").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token).when().delete("/bank-accounts/not-a-uuid").then().statusCode(400)
                .contentType("application/problem+json");

        assertNothingStoredFor(member);
    }

    @Test
    void needsAMemberToken() {
        given().contentType(ContentType.JSON).body("{}").when().post("/bank-accounts").then().statusCode(401)
                .contentType("application/problem+json");
        given().when().get("/bank-accounts").then().statusCode(401);
    }

    private static void assertNothingStoredFor(UUID member) {
        assertThat(Banking.count("select count(*) from bank_accounts where member_id = ?", member)).isZero();
        assertThat(Banking.events(event -> member.toString().equals(event.data().path("memberId").asText(null))))
                .isEmpty();
    }

    private static Event awaitEvent(String type, String key) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !Banking.events(e -> type.equals(e.type())
                && key.equals(e.key())).isEmpty());
        return Banking.events(e -> type.equals(e.type()) && key.equals(e.key())).get(0);
    }
}
