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

    /** Where the peers are; empty: that feature answers 503 (callbacks) or works without it (CRM, routing). */
    Optional<String> crmUrl();

    Optional<String> routingUrl();

    Optional<String> callbackUrl();

    /** The token of role {@code service} presented to the peers, read from a file the platform rotates. */
    Optional<Path> serviceTokenFile();

    Optional<String> serviceToken();

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
