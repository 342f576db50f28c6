package io.contactcenter.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.contactcenter.devstack.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@ReportingStack
class StaffingApiTest {

    /** JSON numbers arrive as floats. */
    static org.hamcrest.Matcher<Float> closeTo(float expected, float error) {
        return org.hamcrest.Matchers.both(org.hamcrest.Matchers.greaterThanOrEqualTo(expected - error))
                .and(org.hamcrest.Matchers.lessThanOrEqualTo(expected + error));
    }

    @Test
    void solvesErlangCForATarget() {
        given().header("Authorization", Tokens.bearer("supervisor"))
                .queryParam("arrivals", 100).queryParam("intervalSeconds", 1800).queryParam("ahtSeconds", 180)
                .queryParam("targetServiceLevel", 0.8).queryParam("thresholdSeconds", 20).queryParam("shrinkage", 0.3)
                .when().get("/reports/staffing/erlang")
                .then().statusCode(200)
                .body("model", equalTo("erlang-c"))
                .body("agents", equalTo(14))
                .body("scheduledAgents", equalTo(20))
                .body("serviceLevel", closeTo(0.888f, 0.001f))
                .body("probabilityOfWaiting", closeTo(0.174f, 0.001f))
                .body("serviceLevelDefinition", containsString("answered within 20.0 s / offered"));
    }

    @Test
    void evaluatesAGivenStaffingWithErlangA() {
        given().header("Authorization", Tokens.bearer("supervisor"))
                .queryParam("model", "erlang-a").queryParam("arrivals", 100).queryParam("ahtSeconds", 180)
                .queryParam("patienceSeconds", 180).queryParam("agents", 12)
                .when().get("/reports/staffing/erlang")
                .then().statusCode(200)
                .body("model", equalTo("erlang-a"))
                .body("agents", equalTo(12))
                .body("abandonmentRate", org.hamcrest.Matchers.greaterThan(0f));
    }

    @Test
    void invalidParametersAre400NamingThem() {
        given().header("Authorization", Tokens.bearer("supervisor"))
                .queryParam("arrivals", -5).queryParam("ahtSeconds", 180).queryParam("targetServiceLevel", 1.5)
                .when().get("/reports/staffing/erlang")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(containsString("arrivals")))
                .body("errors.field", hasItem(containsString("targetServiceLevel")));
        given().header("Authorization", Tokens.bearer("supervisor"))
                .queryParam("arrivals", 100).queryParam("ahtSeconds", 180).queryParam("agents", 9)
                .when().get("/reports/staffing/erlang")
                .then().statusCode(400).body("detail", containsString("agents"));
        given().header("Authorization", Tokens.bearer("supervisor"))
                .queryParam("model", "erlang-a").queryParam("arrivals", 100).queryParam("ahtSeconds", 180)
                .when().get("/reports/staffing/erlang")
                .then().statusCode(400).body("detail", containsString("patienceSeconds"));
        given().header("Authorization", Tokens.bearer("supervisor"))
                .queryParam("model", "poisson").queryParam("arrivals", 100).queryParam("ahtSeconds", 180)
                .when().get("/reports/staffing/erlang")
                .then().statusCode(400).body("errors.field", hasItem(containsString("model")));
    }

    @Test
    void agentsMayNotUseTheCalculator() {
        given().header("Authorization", Tokens.bearer("agent"))
                .queryParam("arrivals", 100).queryParam("ahtSeconds", 180)
                .when().get("/reports/staffing/erlang")
                .then().statusCode(403);
    }
}
