package dev.moa.notifications.unsubscribe;

import dev.moa.events.Topics;
import dev.moa.notifications.Mails;
import dev.moa.notifications.NotificationsApi;
import dev.moa.notifications.notice.Category;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import static dev.moa.notifications.NotificationsApi.as;
import static dev.moa.notifications.NotificationsApi.awaitMails;
import static dev.moa.notifications.NotificationsApi.count;
import static dev.moa.notifications.NotificationsApi.newMember;
import static dev.moa.notifications.NotificationsApi.publish;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The signed one-click unsubscribe link: it switches exactly one category's e-mail off, and nothing else works. */
@QuarkusTest
class UnsubscribeTest {

    @Inject
    UnsubscribeTokens tokens;

    @Test
    void oneClickPostToTheMailsLinkSwitchesThatCategorysEmailOff() {
        UUID sender = newMember("en");
        UUID member = newMember("en");
        publish(Topics.MONEY_EVENTS, remittance(sender, member, 1_000));
        String header = Mails.header(awaitMails(member, "sent you KRW 1,000", 1).get(0), "List-Unsubscribe");
        URI link = URI.create(header.substring(1, header.length() - 1));

        given().contentType(ContentType.URLENC).formParam("List-Unsubscribe", "One-Click")
                .post(link.getRawPath() + "?" + link.getRawQuery())
                .then().statusCode(200).body(containsString("no longer receive REMITTANCE"));

        as(member).get("/notifications/preferences").then().statusCode(200)
                .body("preferences.find { it.category == 'REMITTANCE' }.email", equalTo(false))
                .body("preferences.find { it.category == 'REMITTANCE' }.inApp", equalTo(true))
                .body("preferences.find { it.category == 'GROUP' }.email", equalTo(true));
        publish(Topics.MONEY_EVENTS, remittance(sender, member, 2_000));
        await().atMost(NotificationsApi.WAIT).until(() -> count("select count(*) from notifications "
                + "where member_id = ? and kind = 'remittance-received'", member) == 2);
        assertThat(count("select count(*) from mail_outbox where member_id = ? and kind = 'remittance-received'",
                member)).isEqualTo(1);
    }

    @Test
    void theLinksPageAsksFirstAndChangesNothing() {
        UUID member = UUID.randomUUID();
        String token = tokens.mint(member, Category.OUTBID);

        given().queryParam("token", token).get("/notifications/unsubscribe")
                .then().statusCode(200).contentType(ContentType.HTML)
                .body(containsString("<form method=\"post\"")).body(containsString("OUTBID"));

        assertThat(count("select count(*) from preferences where member_id = ?", member)).isZero();
    }

    @Test
    void aForgedTokenIsA400ProblemAndChangesNothing() {
        UUID victim = UUID.randomUUID();
        String genuine = tokens.mint(UUID.randomUUID(), Category.REMITTANCE);
        String signature = genuine.substring(genuine.indexOf('.') + 1);
        String otherMember = encode("1|" + victim + "|REMITTANCE|" + Instant.now().plusSeconds(3600).getEpochSecond());
        String ownKey = sign("1|" + victim + "|GROUP|" + Instant.now().plusSeconds(3600).getEpochSecond(),
                "an attacker's own key that is long enough");

        for (String forged : new String[]{otherMember + "." + signature, ownKey, "garbage", genuine + "x", ""}) {
            given().queryParam("token", forged).post("/notifications/unsubscribe")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("https://moa.dev/problems/unsubscribe-link-invalid"));
        }
        given().post("/notifications/unsubscribe").then().statusCode(400).contentType("application/problem+json");

        assertThat(count("select count(*) from preferences where member_id = ?", victim)).isZero();
    }

    @Test
    void anExpiredTokenIsA410ProblemAndChangesNothing() {
        UUID member = UUID.randomUUID();
        String expired = tokens.mint(member, Category.REMITTANCE, Instant.now().minusSeconds(1));

        given().queryParam("token", expired).post("/notifications/unsubscribe")
                .then().statusCode(410).contentType("application/problem+json")
                .body("type", equalTo("https://moa.dev/problems/unsubscribe-link-expired"));
        given().queryParam("token", expired).get("/notifications/unsubscribe").then().statusCode(410);

        assertThat(count("select count(*) from preferences where member_id = ?", member)).isZero();
    }

    private static dev.moa.events.money.TransferPosted remittance(UUID from, UUID to, long amount) {
        return new dev.moa.events.money.TransferPosted(UUID.randomUUID(), UUID.randomUUID(), from, UUID.randomUUID(),
                to, amount, "KRW", "REMITTANCE", null, null, Instant.now());
    }

    private static String encode(String payload) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    }

    private static String sign(String payload, String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return encode(payload) + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
