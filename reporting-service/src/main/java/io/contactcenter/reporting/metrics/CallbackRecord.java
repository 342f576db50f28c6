package io.contactcenter.reporting.metrics;

import java.time.Instant;

/** A callback request of a queue: state OPEN until it ends COMPLETED, FAILED or CANCELLED at {@code endedAt}. */
public record CallbackRecord(String callbackId, Instant requestedAt, String state, Instant endedAt) {

    public boolean openAt(Instant t) {
        return requestedAt.isBefore(t) && (endedAt == null || endedAt.isAfter(t));
    }
}
