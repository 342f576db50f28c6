package io.contactcenter.messaging.email;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/** E-mail switched on against a GreenMail server (SMTP and IMAP on loopback) that the test starts. */
public class EmailProfile implements QuarkusTestProfile {

    public static final String SUPPORT = "support@example.com";
    public static final String PASSWORD = "secret-" + "mailbox";
    public static final int SMTP = port("smtp");
    public static final int IMAP = port("imap");

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("cc.messaging.email.address", SUPPORT,
                "cc.messaging.email.imap.host", "127.0.0.1",
                "cc.messaging.email.imap.port", String.valueOf(IMAP),
                "cc.messaging.email.imap.user", SUPPORT,
                "cc.messaging.email.imap.password", PASSWORD,
                "cc.messaging.email.smtp.host", "127.0.0.1",
                "cc.messaging.email.smtp.port", String.valueOf(SMTP),
                "cc.messaging.email.poll-interval", "200ms",
                "cc.messaging.delivery-interval", "100ms");
    }

    /** One port per name and JVM: Quarkus loads this class in its own class loader too, and both must agree. */
    private static synchronized int port(String name) {
        String key = "cc.test.greenmail." + name;
        String known = System.getProperty(key);
        if (known != null) {
            return Integer.parseInt(known);
        }
        try (ServerSocket s = new ServerSocket(0)) {
            System.setProperty(key, String.valueOf(s.getLocalPort()));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
