package io.contactcenter.ivr;

import io.contactcenter.devstack.OpenApiFuzzContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@IvrStack
class OpenApiFuzzTest extends OpenApiFuzzContract {
}
