package io.contactcenter.messaging.email;

import io.contactcenter.messaging.config.MessagingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Session;
import java.util.Properties;

/** Jakarta Mail sessions for the configured mailbox (IMAP) and outgoing server (SMTP), with bounded timeouts. */
@ApplicationScoped
public class MailServers {

    private static final String TIMEOUT_MS = "10000";

    private final MessagingConfig.Email config;

    public MailServers(MessagingConfig config) {
        this.config = config.email();
    }

    public boolean inboxEnabled() {
        return config.address().isPresent() && config.imap().host().isPresent();
    }

    public boolean outboxEnabled() {
        return config.address().isPresent() && config.smtp().host().isPresent();
    }

    Session imap() {
        Properties p = properties(config.imap(), "imap", 993, 143);
        p.put("mail.store.protocol", config.imap().ssl() ? "imaps" : "imap");
        return Session.getInstance(p);
    }

    Session smtp() {
        MessagingConfig.Server s = config.smtp();
        Properties p = properties(s, "smtp", 465, 587);
        String protocol = s.ssl() ? "smtps" : "smtp";
        p.put("mail.transport.protocol", protocol);
        p.put("mail." + protocol + ".writetimeout", TIMEOUT_MS);
        p.put("mail." + protocol + ".auth", String.valueOf(s.user().isPresent()));
        return Session.getInstance(p);
    }

    /** Host, port, timeouts and TLS of one server; {@code protocol} is the plain name, "s" is added for TLS. */
    private static Properties properties(MessagingConfig.Server s, String protocol, int tlsPort, int plainPort) {
        String name = s.ssl() ? protocol + "s" : protocol;
        Properties p = new Properties();
        p.put("mail." + name + ".host", s.host().orElseThrow());
        p.put("mail." + name + ".port", String.valueOf(s.port().orElse(s.ssl() ? tlsPort : plainPort)));
        p.put("mail." + name + ".connectiontimeout", TIMEOUT_MS);
        p.put("mail." + name + ".timeout", TIMEOUT_MS);
        if (!s.ssl()) {
            p.put("mail." + protocol + ".starttls.enable", "true");
        }
        return p;
    }

    MessagingConfig.Server imapServer() {
        return config.imap();
    }

    MessagingConfig.Server smtpServer() {
        return config.smtp();
    }
}
