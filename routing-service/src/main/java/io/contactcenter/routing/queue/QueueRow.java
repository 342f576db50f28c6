package io.contactcenter.routing.queue;

import io.contactcenter.routing.engine.QueueDefinition;

/** A queue's definition and the routing memory kept beside it. */
public record QueueRow(String id, QueueDefinition definition, long definitionVersion, String roundRobinLast,
        Double ahtSeconds, long ahtSamples) {

    /** Handle time for wait estimates: the measured average once there is history, else the configured default. */
    public double handleSeconds() {
        return ahtSeconds != null && ahtSamples > 0 ? ahtSeconds : definition.defaultHandleSeconds();
    }
}
