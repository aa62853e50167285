package dev.moa.chassis;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class IdempotencyKeyTest {

    private final String memberId = UUID.randomUUID().toString();
    private final String token = ChassisStack.stack().tokenKeys().mint(memberId, "MEMBER");

    private Response deposit(String key, String account, long amount) {
        return given().auth().oauth2(token).header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body("{\"account\":\"" + account + "\",\"amount\":" + amount + "}")
                .when().post("/probe/deposits");
    }

    private static long balance(String account) {
        return ChassisStack.queryLong("select balance from probe_account where name = ?", account);
    }

    @Test
    void retryWithTheSameKeyReplaysTheFirstAnswerWithoutASecondEffect() {
        String account = "idem-" + UUID.randomUUID();
        String key = "key-" + UUID.randomUUID();

        Response first = deposit(key, account, 700);
        Response retry = deposit(key, account, 700);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.jsonPath().getString("depositId")).isEqualTo(first.jsonPath().getString("depositId"));
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(balance(account)).isEqualTo(700);
    }

    @Test
    void sameKeyWithAnotherRequestIsRejected() {
        String account = "idem-" + UUID.randomUUID();
        String key = "key-" + UUID.randomUUID();
        deposit(key, account, 100).then().statusCode(201);

        deposit(key, account, 999).then().statusCode(422)
                .contentType("application/problem+json");

        assertThat(balance(account)).isEqualTo(100);
    }

    @Test
    void keysOfDifferentMembersDoNotMeet() {
        String account = "idem-" + UUID.randomUUID();
        String key = "shared-key-0001-" + UUID.randomUUID();
        deposit(key, account, 10).then().statusCode(201);

        given().auth().oauth2(ChassisStack.stack().tokenKeys().mint(UUID.randomUUID().toString(), "MEMBER"))
                .header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body("{\"account\":\"" + account + "\",\"amount\":10}")
                .when().post("/probe/deposits")
                .then().statusCode(201).header("Idempotent-Replayed", (String) null);

        assertThat(balance(account)).isEqualTo(20);
    }

    @Test
    void missingOrMalformedKeyIsABadRequestAndChangesNothing() {
        String account = "idem-" + UUID.randomUUID();
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"account\":\"" + account + "\",\"amount\":5}")
                .when().post("/probe/deposits")
                .then().statusCode(400).contentType("application/problem+json");
        deposit("bad key with spaces", account, 5).then().statusCode(400);

        assertThat(balance(account)).isZero();
    }

    @Test
    void concurrentRequestsWithOneKeyHaveOneEffect() throws Exception {
        String account = "idem-" + UUID.randomUUID();
        String key = "key-" + UUID.randomUUID();
        int clients = 16;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                calls.add(() -> deposit(key, account, 250));
            }
            List<String> depositIds = new ArrayList<>();
            for (Future<Response> answer : pool.invokeAll(calls)) {
                Response response = answer.get();
                assertThat(response.statusCode()).isEqualTo(201);
                depositIds.add(response.jsonPath().getString("depositId"));
            }
            assertThat(depositIds).containsOnly(depositIds.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(balance(account)).isEqualTo(250);
    }
}
