package io.contactcenter.messaging;

import io.contactcenter.devstack.OpenApiFuzzContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;

/** Every operation under hostile input, with the SMS webhooks switched on (so their signature check is what answers). */
@QuarkusTest
@MessagingStack
@TestProfile(OpenApiFuzzTest.SmsOn.class)
class OpenApiFuzzTest extends OpenApiFuzzContract {

    public static class SmsOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cc.messaging.sms.auth-token", "fuzz-token");
        }
    }
}
