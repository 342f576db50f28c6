package io.contactcenter.reporting.realtime;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How fresh the real-time queue snapshot is. */
@ConfigMapping(prefix = "cc.reporting.realtime")
public interface RealtimeConfig {

    /**
     * The oldest a served queue snapshot may be. Every reader (REST calls, each wallboard stream) within this age
     * shares one computation, so a hundred wallboards cost the database one query, and readers are not slowed by
     * ingest load on the database. Wallboards refresh once a second; 0 computes every read.
     */
    @WithDefault("PT0.5S")
    Duration maxAge();
}
