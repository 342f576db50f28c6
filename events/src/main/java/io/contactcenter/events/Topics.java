package io.contactcenter.events;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** Every Kafka topic of the suite, with the partition count the devstack and Helm chart create. */
public final class Topics {

    public static final String CONTACTS = "cc.contacts";
    public static final String ROUTING_COMMANDS = "cc.routing.commands";
    public static final String AGENTS = "cc.agents";
    public static final String CALLBACKS = "cc.callbacks";
    public static final String CRM = "cc.crm";
    public static final String IVR = "cc.ivr";

    /** A topic and its partition count; keys (entity ids) keep per-entity order inside a partition. */
    @RegisterForReflection
    public record Spec(String name, int partitions) {
    }

    /** Contacts and commands carry the bulk of traffic, so they get the most partitions. */
    public static final List<Spec> ALL = List.of(
            new Spec(CONTACTS, 12),
            new Spec(ROUTING_COMMANDS, 12),
            new Spec(AGENTS, 6),
            new Spec(CALLBACKS, 6),
            new Spec(CRM, 6),
            new Spec(IVR, 6));

    private Topics() {
    }
}
