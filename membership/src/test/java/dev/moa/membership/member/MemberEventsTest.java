package dev.moa.membership.member;

import dev.moa.membership.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class MemberEventsTest {

    @BeforeEach
    void freshAddress() {
        Api.forgetLoginFailures();
    }

    @Test
    void eachChangeEmitsItsEventOnceAndNoSecret() {
        String email = Api.uniqueEmail();
        String memberId = Api.newMember(email);
        String token = Api.accessToken(email, Api.PASSWORD);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("name", "Minji K."))
                .when().patch("/members/me").then().statusCode(200);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", Api.PASSWORD, "newPassword", "another long passphrase 9"))
                .when().put("/members/me/password").then().statusCode(204);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("businessName", "Gallery K"))
                .when().post("/sellers/applications").then().statusCode(201);
        String admin = Api.accessToken(Api.ADMIN_EMAIL, Api.ADMIN_PASSWORD);
        given().auth().oauth2(admin).when().post("/admin/sellers/" + memberId + "/approve").then().statusCode(200);

        List<ConsumerRecord<String, String>> events = Api.eventsAbout(memberId, 3, Duration.ofSeconds(2));

        assertThat(events).extracting(e -> Api.header(e, "ce_type")).containsExactly(
                "dev.moa.membership.MemberRegistered",
                "dev.moa.membership.MemberUpdated",
                "dev.moa.membership.SellerApproved");
        assertThat(events).extracting(e -> Api.header(e, "ce_id")).doesNotHaveDuplicates();
        assertThat(events.get(0).value()).contains(email).contains("\"region\":\"SEOUL\"");
        assertThat(events.get(1).value()).contains("Minji K.");
        for (ConsumerRecord<String, String> event : events) {
            assertThat(event.value().toLowerCase())
                    .doesNotContain("password")
                    .doesNotContain("hash")
                    .doesNotContain(Api.PASSWORD)
                    .doesNotContain("$2a$");
        }
    }
}
