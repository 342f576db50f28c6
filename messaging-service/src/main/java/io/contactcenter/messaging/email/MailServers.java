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
        MessagingConfig.Server s = config.imap();
        String protocol = s.ssl() ? "imaps" : "imap";
        Properties p = new Properties();
        p.put("mail.store.protocol", protocol);
        p.put("mail." + protocol + ".host", s.host().orElseThrow());
        p.put("mail." + protocol + ".port", String.valueOf(s.port().orElse(s.ssl() ? 993 : 143)));
        p.put("mail." + protocol + ".connectiontimeout", TIMEOUT_MS);
        p.put("mail." + protocol + ".timeout", TIMEOUT_MS);
        if (!s.ssl()) {
            p.put("mail.imap.starttls.enable", "true");
        }
        return Session.getInstance(p);
    }

    Session smtp() {
        MessagingConfig.Server s = config.smtp();
        String protocol = s.ssl() ? "smtps" : "smtp";
        Properties p = new Properties();
        p.put("mail.transport.protocol", protocol);
        p.put("mail." + protocol + ".host", s.host().orElseThrow());
        p.put("mail." + protocol + ".port", String.valueOf(s.port().orElse(s.ssl() ? 465 : 587)));
        p.put("mail." + protocol + ".connectiontimeout", TIMEOUT_MS);
        p.put("mail." + protocol + ".timeout", TIMEOUT_MS);
        p.put("mail." + protocol + ".writetimeout", TIMEOUT_MS);
        p.put("mail." + protocol + ".auth", String.valueOf(s.user().isPresent()));
        if (!s.ssl()) {
            p.put("mail.smtp.starttls.enable", "true");
        }
        return Session.getInstance(p);
    }

    MessagingConfig.Server imapServer() {
        return config.imap();
    }

    MessagingConfig.Server smtpServer() {
        return config.smtp();
    }
}
