package io.contactcenter.reporting.history;

import io.contactcenter.reporting.metrics.CallQualityMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Call quality intervals of one queue ({@code queueId}) or one agent ({@code agentId}), with the definitions used. */
public record CallQualityReport(String queueId, String agentId, Instant from, Instant to, Duration interval, String definition,
        List<CallQualityMetrics.Row> rows) {
}
