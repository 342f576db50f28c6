package io.contactcenter.routing.queue;

import io.contactcenter.routing.engine.QueueDefinition;

/** A queue as the API returns it. */
public record QueueView(String queueId, QueueDefinition definition, long version, Double averageHandleSeconds,
        long handledSamples) {

    static QueueView of(QueueRow row) {
        return new QueueView(row.id(), row.definition(), row.definitionVersion(), row.ahtSeconds(), row.ahtSamples());
    }
}
