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
    void healthMetricsAndOpenApiStayOpen() {
        SecurityChecks.healthMetricsAndOpenApiStayOpen();
    }
}
