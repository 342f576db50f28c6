package io.contactcenter.callback.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** callback-service settings under {@code cc.callback}. */
@ConfigMapping(prefix = "cc.callback")
public interface CallbackConfig {

    /** How often due callbacks are looked for; the bound on how late one is handed to routing. */
    @WithDefault("200ms")
    Duration schedulerInterval();

    /** Due callbacks one scheduler pass takes (the rest wait for the next pass, a few ms later). */
    @WithDefault("500")
    int batchSize();

    /** A window given without an end lasts this long. */
    @WithDefault("PT4H")
    Duration defaultWindow();

    /** How far ahead a window may start. */
    @WithDefault("P30D")
    Duration maxAhead();

    /** Reminders go out this long before a scheduled callback is due (only if it was booked earlier than that). */
    @WithDefault("PT15M")
    Duration reminderLead();

    /** How long the number of a caller is remembered, to return an abandoned call or notice a call-back. */
    @WithDefault("P2D")
    Duration callerMemory();

    /** Priority of callback contacts in routing (0–100). */
    @WithDefault("5")
    int routingPriority();

    Edge edge();

    Crm crm();

    interface Edge {
        /** Where dial requests are POSTed for the telephony edge; unset: the edge reads callback.dialing or polls. */
        Optional<String> dialUrl();
    }

    interface Crm {
        /** crm-service, asked whether a number is on do-not-call; unset: no check. */
        Optional<String> url();

        /** The bearer token (role {@code service}) callback-service presents to crm-service, as a fixed value (trials). */
        Optional<String> token();

        /** A file holding that token, re-read when the platform rotates it; wins over {@link #token()} once it exists. */
        Optional<java.nio.file.Path> tokenFile();
    }
}
