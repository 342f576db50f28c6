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

    /** The bound on one webhook delivery before it counts as failed. */
    @WithDefault("2s")
    Duration timeout();
}
