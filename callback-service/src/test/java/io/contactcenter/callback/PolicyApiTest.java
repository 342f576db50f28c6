package io.contactcenter.callback;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.contactcenter.devstack.SecurityChecks;
import io.contactcenter.devstack.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@CallbackStack
class PolicyApiTest {

    private static final String VALID = """
            {"maxAttempts":3,"minRetryIntervalSeconds":300,"maxPerNumberPerDay":2,
             "minAbandonWaitSeconds":20,"autoReturnAbandoned":true,"timeZone":"Europe/Berlin"}""";

    @Test
    void storesAndReturnsQueuePolicy() {
        given().header("Authorization", Tokens.bearer("supervisor")).contentType("application/json").body(VALID)
                .when().put("/callbacks/policies/support")
                .then().statusCode(200).body("maxAttempts", equalTo(3));
        given().header("Authorization", Tokens.bearer("service"))
                .when().get("/callbacks/policies/support")
                .then().statusCode(200)
                .body("timeZone", equalTo("Europe/Berlin"))
                .body("minAbandonWaitSeconds", equalTo(20));
    }

    @Test
    void rejectsOutOfRangeValuesAndUnknownZonesAllAtOnce() {
        given().header("Authorization", Tokens.bearer("admin")).contentType("application/json")
                .body(VALID.replace("3,", "0,").replace("300", "5").replace("Europe/Berlin", "Mars/Olympus"))
                .when().put("/callbacks/policies/sales")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("maxAttempts", "minRetryIntervalSeconds", "timeZone"));
        given().header("Authorization", Tokens.bearer("admin"))
                .when().get("/callbacks/policies/sales")
                .then().statusCode(404);
    }

    @Test
    void callingHoursAreValidatedAndReturned() {
        given().header("Authorization", Tokens.bearer("supervisor")).contentType("application/json")
                .body(VALID.replace("\"timeZone\"", "\"callingHours\":{\"weekly\":{\"MONDAY\":[{\"open\":\"09:00\",\"close\":\"18:00\"}]},"
                        + "\"holidays\":[\"2026-12-24\"]},\"timeZone\""))
                .when().put("/callbacks/policies/hours")
                .then().statusCode(200)
                .body("callingHours.weekly.MONDAY[0].open", equalTo("09:00:00"))
                .body("callingHours.holidays[0]", equalTo("2026-12-24"))
                .body("backoffMultiplier", equalTo(2.0f));
        given().header("Authorization", Tokens.bearer("supervisor")).contentType("application/json")
                .body(VALID.replace("\"timeZone\"", "\"callingHours\":{\"weekly\":{\"MONDAY\":[{\"open\":\"09:00\",\"close\":\"09:00\"}]}},\"timeZone\""))
                .when().put("/callbacks/policies/hours2")
                .then().statusCode(400).body("detail", org.hamcrest.Matchers.containsString("callingHours.weekly.MONDAY"));
    }

    @Test
    void secured() {
        SecurityChecks.requiresToken("PUT", "/callbacks/policies/support");
        SecurityChecks.forbids("agent", "PUT", "/callbacks/policies/support");
        SecurityChecks.forbids("telephony", "GET", "/callbacks/policies/support");
        SecurityChecks.healthMetricsAndOpenApiStayOpen();
    }
}
