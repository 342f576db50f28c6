package io.contactcenter.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.contactcenter.devstack.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@RoutingStack
class ApiSecurityTest {

    private static final String BODY = "{\"contactId\":\"sec-1\",\"queueId\":\"support\",\"channel\":\"VOICE\",\"priority\":1}";

    @Test
    void rejectsRequestsWithoutTokenAsProblem401() {
        given().contentType("application/json").body(BODY)
                .when().post("/routing/contacts")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401))
                .body("instance", equalTo("/routing/contacts"));
    }

    @Test
    void rejectsExpiredToken() {
        given().header("Authorization", Tokens.expired("telephony"))
                .when().get("/routing/contacts/nobody")
                .then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void rejectsTokenSignedByAnotherKey() {
        // a structurally valid RS256 token whose signature does not match the trusted key
        String forged = Tokens.bearer("admin");
        String[] parts = forged.substring("Bearer ".length()).split("\\.");
        String tampered = "Bearer " + parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        given().header("Authorization", tampered)
                .when().get("/routing/contacts/nobody")
                .then().statusCode(401);
    }

    @Test
    void forbidsAgentsFromEnqueueingAsProblem403() {
        given().header("Authorization", Tokens.bearer("agent")).contentType("application/json").body(BODY)
                .when().post("/routing/contacts")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("title", equalTo("Forbidden"));
    }

    @Test
    void keepsHealthMetricsAndOpenApiOpen() {
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("/routing/contacts"));
    }
}
