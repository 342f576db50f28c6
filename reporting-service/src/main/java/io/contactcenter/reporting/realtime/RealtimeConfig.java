package io.contactcenter.reporting.realtime;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How fresh the real-time snapshots are. */
@ConfigMapping(prefix = "cc.reporting.realtime")
public interface RealtimeConfig {

    /**
     * How old the real-time snapshots (queues, agents by state, backlog) may grow before a read starts computing new
     * ones. Every reader (REST calls, each wallboard stream) shares them, so a hundred wallboards cost the database
     * three queries a moment, not three hundred. A read that
     * finds the snapshot older than this still gets it at once while the new one is computed in the background: reads
     * never wait for the database while ingest keeps it busy. Wallboards refresh once a second; 0 computes every read
     * and waits for it.
     */
    @WithDefault("PT0.5S")
    Duration maxAge();

    /**
     * The oldest snapshot served at all: after a quiet spell longer than this (no reader), the next read waits for a
     * fresh computation instead of showing numbers this old. Must be longer than {@link #maxAge()}.
     */
    @WithDefault("PT5S")
    Duration maxStale();
}
