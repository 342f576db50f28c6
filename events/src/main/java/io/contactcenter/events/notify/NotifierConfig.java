package io.contactcenter.events.notify;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How a service tells partners and customers: {@code cc.notifier.*}. */
@ConfigMapping(prefix = "cc.notifier")
public interface NotifierConfig {

    /** {@code log} writes notifications to the log (ids only, never PII); {@code webhook} POSTs them. */
    @WithDefault("log")
    String kind();

    /** Where the webhook adapter sends notifications that carry no URL of their own. */
    Optional<String> webhookUrl();

    /**
     * Hosts webhooks may go to: {@code partner.example} exactly or {@code *.partner.example}; empty (the default)
     * allows none, so a partner URL is refused until the deployer names its hosts.
     */
    Optional<java.util.List<String>> allowedHosts();

    /** Plain http for webhooks, for local trials only; https otherwise. */
    @WithDefault("false")
    boolean allowHttp();

    /**
     * The shared secret webhooks are signed with (HMAC-SHA256, {@code X-CC-Signature}); from a Secret. Unset: sent
     * unsigned, and a warning is logged at the first delivery.
     */
    Optional<String> signingSecret();

    /** The bound on one webhook delivery before it counts as failed. */
    @WithDefault("2s")
    Duration timeout();
}
