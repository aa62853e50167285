package dev.moa.flows;

import dev.moa.banksim.BankModel.AccountView;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A person using the mobile app: signs up and logs in at membership like anyone, then calls any service with the
 * access token membership issued (no token minted by the test).
 */
public final class AppUser {

    /** How long an effect may take to cross the services (events, sagas). */
    static final Duration EVENTUAL = Duration.ofSeconds(45);

    private final RunningPlatform platform;
    private final String email;
    private final String name;
    private final UUID memberId;
    private final String accessToken;
    private final String password;

    private AppUser(RunningPlatform platform, String email, String name, UUID memberId, String accessToken,
                    String password) {
        this.platform = platform;
        this.email = email;
        this.name = name;
        this.memberId = memberId;
        this.accessToken = accessToken;
        this.password = password;
    }

    /** Signs up with a fresh e-mail and logs in. */
    public static AppUser signUp(RunningPlatform platform, String name) {
        String email = "flow-" + UUID.randomUUID() + "@example.com";
        String password = "correct horse " + UUID.randomUUID();
        String id = RestAssured.given().baseUri(platform.uri("membership").toString())
                .contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password, "name", name, "region", "SEOUL", "locale", "ko"))
                .post("/members")
                .then().statusCode(201)
                .extract().path("id");
        return login(platform, email, password, name, UUID.fromString(id));
    }

    /** Logs in an existing member (the platform's first admin, say). */
    public static AppUser login(RunningPlatform platform, String email, String password, String name, UUID memberId) {
        String token = RestAssured.given().baseUri(platform.uri("membership").toString())
                .contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password))
                .post("/auth/login")
                .then().statusCode(200)
                .extract().path("accessToken");
        return new AppUser(platform, email, name, memberId, token, password);
    }

    /** Logs in again, e.g. to get a token with a role granted since the last one. */
    public AppUser relogin() {
        return login(platform, email, password, name, memberId);
    }

    /** A request to {@code module} carrying this user's access token. */
    public RequestSpecification at(String module) {
        URI base = platform.uri(module);
        return RestAssured.given().baseUri(base.toString())
                .auth().oauth2(accessToken)
                .contentType(ContentType.JSON);
    }

    /** Links a bank account in this member's name; banking answers 503 until it has learnt the member's name. */
    public String linkBankAccount(AccountView account) {
        Map<String, String> body = Map.of("bankCode", account.bankCode(), "accountNumber", account.accountNumber(),
                "holderName", name);
        Response linked = await().atMost(EVENTUAL).until(() -> at("banking").body(body).post("/bank-accounts"),
                response -> response.statusCode() != 503);
        assertThat(linked.statusCode()).as(linked.asString()).isEqualTo(201);
        assertThat(linked.jsonPath().getString("accountNumberLast4"))
                .isEqualTo(account.accountNumber().substring(account.accountNumber().length() - 4));
        return linked.jsonPath().getString("id");
    }

    /** Waits until money has opened this member's wallet (from membership's MemberRegistered). */
    public AppUser awaitWallet() {
        await().atMost(EVENTUAL).until(() -> at("money").get("/wallets/me").statusCode(), status -> status == 200);
        return this;
    }

    /** POSTs a top-up or withdrawal ({@code path}) and answers its id, from the 202's {@code Location}. */
    public String askBank(String path, String bankAccountId, long amount) {
        Response accepted = at("money").header("Idempotency-Key", "flow-" + UUID.randomUUID())
                .body(Map.of("bankAccountId", bankAccountId, "amount", amount))
                .post(path);
        assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(202);
        String location = accepted.header("Location");
        assertThat(location).contains(path + "/");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** Polls a top-up or withdrawal (whichever the id is) until it is no longer REQUESTED. */
    public Response awaitBankOutcome(String sagaId) {
        return await().atMost(EVENTUAL).until(() -> {
            Response topUp = at("money").get("/top-ups/" + sagaId);
            return topUp.statusCode() == 200 ? topUp : at("money").get("/withdrawals/" + sagaId);
        }, response -> response.statusCode() == 200 && !"REQUESTED".equals(response.jsonPath().getString("status")));
    }

    /** A field of this member's wallet: posted, pending or available. */
    public long wallet(String field) {
        return at("money").get("/wallets/me").then().statusCode(200).extract().jsonPath().getLong(field);
    }

    public String email() {
        return email;
    }

    public String name() {
        return name;
    }

    public UUID memberId() {
        return memberId;
    }
}
