package io.contactcenter.reporting.history;

import io.contactcenter.reporting.metrics.IntervalMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Intervals of one queue ({@code queueId}) or one channel across queues ({@code channel}), with the service-level
 * definition used, by name and formula.
 */
public record IntervalReport(String queueId, String channel, Instant from, Instant to, Duration interval,
        String serviceLevelDefinition, String serviceLevelFormula, double thresholdSeconds, double shortAbandonSeconds,
        List<IntervalMetrics.Row> rows) {
}
