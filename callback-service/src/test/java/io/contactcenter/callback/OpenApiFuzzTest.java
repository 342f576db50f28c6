package io.contactcenter.callback;

import io.contactcenter.devstack.OpenApiFuzzContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@CallbackStack
class OpenApiFuzzTest extends OpenApiFuzzContract {
}
