package io.contactcenter.ivr;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.contactcenter.devstack.SecurityChecks;
import io.contactcenter.devstack.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@IvrStack
class NumberBindingTest {

    @Test
    void bindsNumberToFlowAndTelephonyReadsIt() {
        given().header("Authorization", Tokens.bearer("admin")).contentType("application/json")
                .body("{\"flowId\":\"support-main\"}")
                .when().put("/ivr/numbers/+4930901820")
                .then().statusCode(200)
                .body("flowId", equalTo("support-main"))
                .body("updatedBy", equalTo("test-admin"));
        given().header("Authorization", Tokens.bearer("telephony"))
                .when().get("/ivr/numbers/+4930901820")
                .then().statusCode(200).body("flowId", equalTo("support-main"));
    }

    @Test
    void rejectsNumbersNotInE164AndBadFlowIds() {
        given().header("Authorization", Tokens.bearer("admin")).contentType("application/json")
                .body("{\"flowId\":\"ok\"}")
                .when().put("/ivr/numbers/030901820")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("E.164"));
        given().header("Authorization", Tokens.bearer("admin")).contentType("application/json")
                .body("{\"flowId\":\"no spaces!\"}")
                .when().put("/ivr/numbers/+4930901821")
                .then().statusCode(400).body("errors[0].field", equalTo("flowId"));
        given().header("Authorization", Tokens.bearer("telephony"))
                .when().get("/ivr/numbers/+4930901821")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void secured() {
        SecurityChecks.requiresToken("PUT", "/ivr/numbers/+4930901820");
        SecurityChecks.forbids("telephony", "PUT", "/ivr/numbers/+4930901820");
        SecurityChecks.forbids("agent", "GET", "/ivr/numbers/+4930901820");
        SecurityChecks.healthMetricsAndOpenApiStayOpen();
    }
}
