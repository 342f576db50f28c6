package io.contactcenter.reporting;

import io.contactcenter.devstack.OpenApiFuzzContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@ReportingStack
class OpenApiFuzzTest extends OpenApiFuzzContract {
}
