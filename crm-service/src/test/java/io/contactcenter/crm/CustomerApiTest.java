package io.contactcenter.crm;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.contactcenter.devstack.KafkaProbe;
import io.contactcenter.devstack.SecurityChecks;
import io.contactcenter.devstack.Tokens;
import io.contactcenter.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

@QuarkusTest
@CrmStack
class CustomerApiTest {

    @Test
    void createsCustomerWithNormalisedPhonesAndFindsHimByNumber() {
        String national = "030 " + (1000000 + ThreadLocalRandom.current().nextInt(8000000));
        String e164 = "+4930" + national.substring(4);
        String id;
        try (KafkaProbe probe = KafkaProbe.tail(Topics.CRM)) {
            id = given().header("Authorization", Tokens.bearer("agent")).contentType("application/json")
                    .body("""
                            {"displayName":"Ada Lovelace","email":"ada@example.org","language":"de",
                             "segment":"VIP","phones":["%s"],"region":"DE"}
                            """.formatted(national))
                    .when().post("/crm/customers")
                    .then().statusCode(201)
                    .body("phones", contains(e164))
                    .extract().path("customerId");
            var events = probe.await(r -> id.equals(r.key()), Duration.ofSeconds(10));
            assertThat(events).hasSize(1);
            assertThat(events.get(0).value()).doesNotContain("Ada").doesNotContain(e164);
        }
        given().header("Authorization", Tokens.bearer("telephony"))
                .queryParam("phone", e164)
                .when().get("/crm/customers/lookup")
                .then().statusCode(200)
                .body("customerId", equalTo(id))
                .body("segment", equalTo("VIP"));
    }

    @Test
    void invalidPhonesAreListedByIndexAndNothingIsStored() {
        given().header("Authorization", Tokens.bearer("agent")).contentType("application/json")
                .body("{\"displayName\":\"X\",\"segment\":\"NEW\",\"phones\":[\"+1555\",\"banana\"]}")
                .when().post("/crm/customers")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("phones[0]", "phones[1]"));
    }

    @Test
    void lookupNeedsAnE164NumberAndAnswers404ForStrangers() {
        given().header("Authorization", Tokens.bearer("telephony")).queryParam("phone", "0301234567")
                .when().get("/crm/customers/lookup")
                .then().statusCode(400).body("detail", containsString("phone"));
        given().header("Authorization", Tokens.bearer("telephony")).queryParam("phone", "+12015550123")
                .when().get("/crm/customers/lookup")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void secured() {
        SecurityChecks.requiresToken("POST", "/crm/customers");
        SecurityChecks.forbids("telephony", "POST", "/crm/customers");
        SecurityChecks.forbids("telephony", "GET", "/crm/customers/some-id");
        SecurityChecks.healthMetricsAndOpenApiStayOpen();
    }
}
