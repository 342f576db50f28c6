package io.contactcenter.events.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Tuning of the outbox relay. */
@ConfigMapping(prefix = "cc.outbox")
public interface OutboxConfig {

    /** Whether this instance relays outbox rows to Kafka; off only to simulate a crash in tests. */
    @WithDefault("true")
    boolean relayEnabled();

    /** Pause between relay passes when idle; each event waits at most this long before it is sent. */
    @WithDefault("50ms")
    Duration pollInterval();

    /**
     * Rows published per relay pass at most; one pass is one Kafka transaction. A transaction costs a few broker
     * round trips of its own, so large batches keep a backlog draining fast (bench/results/relay.md: 2,000 drains
     * ~2.6x faster than 500); at low load a pass carries only what is waiting, so latency does not grow with it.
     */
    @WithDefault("2000")
    int batchSize();

    /** Longest wait for Kafka to acknowledge a batch before the pass fails and retries later. */
    @WithDefault("10s")
    Duration sendTimeout();

    /**
     * Names this relay: the key of its position on {@code cc.outbox.positions} and, as
     * {@code cc-outbox-<relay id>}, its Kafka transactional id. Defaults to the service database, so every
     * replica of one service shares it (and fences a zombie predecessor) and no two services do.
     */
    @WithDefault("${cc.db.name:outbox}")
    String relayId();

    /**
     * Kafka's {@code transaction.timeout.ms} for the relay: how long a crashed leader's open transaction can
     * hold back read_committed consumers of its partitions if no successor fences it sooner.
     */
    @WithDefault("15s")
    Duration transactionTimeout();

    /** How long sent rows are kept for inspection before housekeeping deletes them. */
    @WithDefault("P1D")
    Duration sentRetention();

    /** How long processed event ids are remembered; must exceed the Kafka topic retention (7 days). */
    @WithDefault("P14D")
    Duration inboxRetention();
}
