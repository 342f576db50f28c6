package io.contactcenter.crm;

import io.contactcenter.devstack.OpenApiFuzzContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@CrmStack
class OpenApiFuzzTest extends OpenApiFuzzContract {
}
