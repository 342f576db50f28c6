package io.contactcenter.routing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Routing-service settings under {@code cc.routing}. */
@ConfigMapping(prefix = "cc.routing")
public interface RoutingConfig {

    /** Time-driven routing pass (relaxation, aging, wrap-up end); changes also wake a pass at once. */
    @WithDefault("200ms")
    Duration passInterval();

    /**
     * How long a woken routing pass waits for more changes to share it (0: run at once). Trades a little
     * latency for less CPU per contact under load.
     */
    @WithDefault("0ms")
    Duration passDelay();

    /** How often expired offers, overflow rules and wrap-up ends are looked for. */
    @WithDefault("250ms")
    Duration sweepInterval();

    /** Offers an agent may miss in a row before going not-ready with reason {@code no-answer}. */
    @WithDefault("2")
    int maxMissedOffers();

    /** How long an agent who rejected or missed a contact is skipped for that contact. */
    @WithDefault("30s")
    Duration rejectCooldown();

    /** How long a contact waits for its preferred agent (transfer to agent, last agent) before anyone may take it. */
    @WithDefault("30s")
    Duration preferredAgentTimeout();

    /** Waiting contacts one pass considers, oldest and most urgent first. */
    @WithDefault("5000")
    int maxContactsPerPass();

    /** How often each replica refreshes its staffing view used for wait estimates. */
    @WithDefault("500ms")
    Duration staffingRefresh();
}
