package io.contactcenter.ivr.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** ivr-service settings under {@code cc.ivr}. */
@ConfigMapping(prefix = "cc.ivr")
public interface IvrConfig {

    /** crm-service base URL for caller lookups; unset: every lookup takes the flow's onError branch. */
    Optional<String> crmUrl();

    /** routing-service base URL for hours, waits and positions; unset: queues count as open, waits as unknown. */
    Optional<String> routingUrl();

    /** callback-service base URL for "call me back" offers; unset: the offer cannot be booked (logged, counted). */
    Optional<String> callbackUrl();

    /** messaging-service base URL for "continue by SMS" offers; unset: the SMS cannot be sent (logged). */
    Optional<String> messagingUrl();

    /**
     * The bearer token (role {@code service}) ivr-service presents to the other services, as a fixed value; for
     * trials. Prefer {@link #serviceTokenFile()}.
     */
    Optional<String> serviceToken();

    /**
     * A file holding that token, re-read when it changes: tokens are short-lived and the platform rotates the file
     * (a mounted Secret); wins over {@link #serviceToken()} once it exists.
     */
    Optional<java.nio.file.Path> serviceTokenFile();

    /** How long routing's queue hours and waits are reused before asking again (they change slowly). */
    @WithDefault("2s")
    Duration routingCache();

    /** How long the edge plays hold music before it reports back (and the IVR may announce). */
    @WithDefault("20")
    int holdGatherSeconds();

    /** Installs and publishes the shipped after-sales sample flow as {@code after-sales} if it does not exist. */
    @WithDefault("true")
    boolean sampleFlow();
}
