package io.contactcenter.messaging.sms;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * SMS switched on against {@link FakeTwilio}. The sending hours are a minute two hours from now, so a message the
 * customer is not waiting for must wait, while an answer within the reply window leaves at once.
 */
public class SmsProfile implements QuarkusTestProfile {

    public static final String TOKEN = "test-auth-token";
    public static final String PUBLIC_URL = "https://contact.example.com";
    public static final int PORT = freePort();
    static final LocalTime HOURS_FROM = LocalTime.now(ZoneOffset.UTC).plusHours(2).truncatedTo(ChronoUnit.MINUTES);

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("cc.messaging.sms.auth-token", TOKEN,
                "cc.messaging.sms.account-sid", "AC00000000000000000000000000000001",
                "cc.messaging.sms.from", "+4940555000",
                "cc.messaging.sms.api-url", "http://127.0.0.1:" + PORT,
                "cc.messaging.sms.public-url", PUBLIC_URL,
                "cc.messaging.sms.time-zone", "UTC",
                "cc.messaging.sms.send-from", HOURS_FROM.toString(),
                "cc.messaging.sms.send-until", HOURS_FROM.plusMinutes(1).toString(),
                "cc.messaging.sms.max-message-length", "1600",
                "cc.messaging.delivery-interval", "100ms");
    }

    /** One port per JVM: Quarkus loads this class in its own class loader too, and both must agree. */
    private static synchronized int freePort() {
        String known = System.getProperty("cc.test.fake-twilio.port");
        if (known != null) {
            return Integer.parseInt(known);
        }
        try (ServerSocket s = new ServerSocket(0)) {
            System.setProperty("cc.test.fake-twilio.port", String.valueOf(s.getLocalPort()));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
