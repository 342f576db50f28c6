package io.contactcenter.reporting;

import io.contactcenter.devstack.SecurityChecks;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@ReportingStack
class ApiSecurityTest {

    @Test
    void realtimeReportsNeedAToken() {
        SecurityChecks.requiresToken("GET", "/reports/realtime/queues");
    }

    @Test
    void agentsAndTelephonyCannotReadManagementReports() {
        SecurityChecks.forbids("agent", "GET", "/reports/realtime/queues");
        SecurityChecks.forbids("telephony", "GET", "/reports/realtime/queues/support");
    }

    @Test
    void anAgentReadsItsOwnDayButNoColleagues() {
        io.restassured.RestAssured.given().header("Authorization", io.contactcenter.devstack.Tokens.agent("ann"))
                .queryParam("from", "2026-02-02T00:00:00Z").queryParam("to", "2026-02-03T00:00:00Z").queryParam("interval", "P1D")
                .when().get("/reports/agents/ann/intervals")
                .then().statusCode(200).body("size()", org.hamcrest.Matchers.equalTo(1));
        io.restassured.RestAssured.given().header("Authorization", io.contactcenter.devstack.Tokens.agent("ann"))
                .queryParam("from", "2026-02-02T00:00:00Z").queryParam("to", "2026-02-03T00:00:00Z").queryParam("interval", "P1D")
                .when().get("/reports/agents/bob/intervals")
                .then().statusCode(403);
        SecurityChecks.forbids("agent", "GET", "/reports/queues/support/intervals?from=2026-02-02T00:00:00Z&to=2026-02-03T00:00:00Z");
    }

    @Test
    void healthMetricsAndOpenApiStayOpen() {
        SecurityChecks.healthMetricsAndOpenApiStayOpen();
    }
}
