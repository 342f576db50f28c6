package io.contactcenter.routing;

import io.contactcenter.devstack.OpenApiFuzzContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@RoutingStack
class OpenApiFuzzTest extends OpenApiFuzzContract {
}
