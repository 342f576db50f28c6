package io.contactcenter.events;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Map;

/** Every Kafka topic of the suite, with the partition count the devstack and Helm chart create. */
public final class Topics {

    public static final String CONTACTS = "cc.contacts";
    public static final String ROUTING_COMMANDS = "cc.routing.commands";
    public static final String AGENTS = "cc.agents";
    public static final String CALLBACKS = "cc.callbacks";
    public static final String CRM = "cc.crm";
    public static final String IVR = "cc.ivr";
    /** Calls the voice gateway carried: one record per call as it ends, with its media quality. */
    public static final String VOICE = "cc.voice";
    /** Conversations on chat, SMS and e-mail and every message in them, keyed by conversation. */
    public static final String MESSAGING = "cc.messaging";
    /**
     * The outbox relays' positions: one record per relayed batch, keyed by relay (service database), written
     * in the same Kafka transaction as the batch. Compacted, so only each relay's last position is kept.
     */
    public static final String OUTBOX_POSITIONS = "cc.outbox.positions";
    /**
     * Records a consumer gave up on after its retries, keyed by consumer group, with the error and the original
     * record; also listed per service at {@code /admin/dead-letters}. One topic keyed by group rather than one topic
     * per group: topics are created explicitly, and a relay publishing to a missing topic would stall.
     */
    public static final String DEAD_LETTERS = "cc.dead-letters";

    /**
     * A topic, its partition count and topic-level config; keys (entity ids) keep per-entity order inside a
     * partition.
     */
    @RegisterForReflection
    public record Spec(String name, int partitions, Map<String, String> config) {
        public Spec(String name, int partitions) {
            this(name, partitions, Map.of());
        }
    }

    /** Contacts and commands carry the bulk of traffic, so they get the most partitions. */
    public static final List<Spec> ALL = List.of(
            new Spec(CONTACTS, 12),
            new Spec(ROUTING_COMMANDS, 12),
            new Spec(AGENTS, 6),
            new Spec(CALLBACKS, 6),
            new Spec(CRM, 6),
            new Spec(IVR, 6),
            new Spec(VOICE, 6),
            new Spec(MESSAGING, 6));

    /** Topics of the platform's own machinery, not of events; created beside {@link #ALL}. */
    public static final List<Spec> INTERNAL = List.of(
            new Spec(OUTBOX_POSITIONS, 3, Map.of("cleanup.policy", "compact", "segment.ms", "3600000",
                    "min.cleanable.dirty.ratio", "0.1")),
            new Spec(DEAD_LETTERS, 3, Map.of("retention.ms", "2592000000")));

    private Topics() {
    }
}
