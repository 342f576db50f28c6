package io.contactcenter.voice;

import io.contactcenter.devstack.OpenApiFuzzContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@VoiceStack
class OpenApiFuzzTest extends OpenApiFuzzContract {
}
