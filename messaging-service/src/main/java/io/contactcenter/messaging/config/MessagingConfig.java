package io.contactcenter.messaging.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** messaging-service settings. */
@ConfigMapping(prefix = "cc.messaging")
public interface MessagingConfig {

    /**
     * A conversation nobody wrote in for this long is closed (a waiting one leaves routing; one an agent holds is
     * completed in routing). The customer's next message opens it again.
     */
    @WithDefault("PT30M")
    Duration idleTimeout();

    /** How often open conversations are checked for idleness. */
    @WithDefault("10s")
    Duration sweepInterval();

    /** How often a waiting customer connected to this replica is told their position and expected wait. */
    @WithDefault("5s")
    Duration statusInterval();

    /** Longest message text, in characters. */
    @WithDefault("4000")
    int maxTextLength();

    /** Web chat. */
    Chat chat();

    /** SMS through a Twilio-compatible provider. */
    Sms sms();

    /** E-mail: a mailbox read over IMAP, replies sent over SMTP. */
    Email email();

    /** How long after it closed a conversation is reopened by the customer's next SMS or e-mail (else a new one). */
    @WithDefault("P7D")
    Duration reopenWindow();

    /** How often messages waiting to leave by SMS or e-mail are looked at. */
    @WithDefault("1s")
    Duration deliveryInterval();

    /** Where the peers are; empty: that feature answers 503 (callbacks) or works without it (CRM, routing). */
    Optional<String> crmUrl();

    Optional<String> routingUrl();

    Optional<String> callbackUrl();

    /** The token of role {@code service} presented to the peers, read from a file the platform rotates. */
    Optional<Path> serviceTokenFile();

    Optional<String> serviceToken();

    interface Sms {
        /** The provider account's auth token: checks its webhooks' signatures and authenticates sends. Empty: SMS off. */
        Optional<String> authToken();

        /** The provider account id (Twilio's AccountSid). */
        Optional<String> accountSid();

        /** The provider's REST API: Twilio's, another Twilio-compatible one, or a local double. */
        @WithDefault("https://api.twilio.com")
        String apiUrl();

        /** Our sender number (E.164) or messaging service id. */
        Optional<String> from();

        /**
         * The public base URL the provider calls (it signs webhooks over the URL it called, which differs from ours behind
         * an ingress); status callbacks are sent to it too.
         */
        Optional<String> publicUrl();

        /** The queue a new SMS conversation enters. */
        @WithDefault("sms")
        String queue();

        /** Whole-message keywords that stop every SMS to the sender (case-insensitive). */
        @WithDefault("STOP,STOPALL,UNSUBSCRIBE,CANCEL,END,QUIT")
        List<String> optOutKeywords();

        /** Whole-message keywords that allow SMS again. */
        @WithDefault("START,UNSTOP")
        List<String> optInKeywords();

        /**
         * Sending hours on the customer's clock for an SMS the customer is not waiting for (no message from them within
         * {@link #replyWindow()}): like callbacks, nobody is texted at night. Outside them the message waits.
         */
        @WithDefault("08:00")
        java.time.LocalTime sendFrom();

        @WithDefault("20:00")
        java.time.LocalTime sendUntil();

        /** The customers' time zone (IANA) for the sending hours. */
        @WithDefault("Europe/Berlin")
        String timeZone();

        /** A reply within this time of the customer's last message is sent at any hour: they are in the conversation. */
        @WithDefault("PT1H")
        Duration replyWindow();

        /** Longest text of one provider message; longer ones go out in numbered parts. */
        @WithDefault("1600")
        int maxMessageLength();
    }

    interface Email {
        /** The address customers write to and replies come from, e.g. support@example.com. Empty: e-mail is off. */
        Optional<String> address();

        /** The name shown with it. */
        @WithDefault("Customer Service")
        String displayName();

        /** The queue a new e-mail conversation enters. */
        @WithDefault("email")
        String queue();

        /** The mailbox. */
        Server imap();

        /** The outgoing server. */
        Server smtp();

        /** The folder read for new mail; mail taken in is flagged seen. */
        @WithDefault("INBOX")
        String folder();

        /** How often the mailbox is read. */
        @WithDefault("15s")
        Duration pollInterval();

        /** Mails larger than this are taken in without their attachments (the customer's text is kept). */
        @WithDefault("10000000")
        int maxBytes();
    }

    interface Server {
        Optional<String> host();

        Optional<Integer> port();

        Optional<String> user();

        Optional<String> password();

        /** TLS from the first byte (IMAPS 993, SMTPS 465); otherwise STARTTLS when the server offers it. */
        @WithDefault("false")
        boolean ssl();
    }

    interface Chat {
        /** The queue a chat enters when the page names none. */
        @WithDefault("chat")
        String defaultQueue();

        /**
         * Queues a page may name with {@code data-queue}; anything else is refused, so a visitor cannot pick a queue
         * the business did not publish. Empty: only the default queue.
         */
        Optional<List<String>> queues();

        /** Origins (scheme://host:port) of the sites that embed the widget; mirrored into CORS. */
        List<String> widgetOrigins();

        /** Queue of the callbacks a chat asks for; default: the chat's own queue. */
        Optional<String> callbackQueue();
    }
}
