package io.contactcenter.reporting.staffing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /reports/staffing/plan}: forecast and staffing per interval of a day, and its peak.
 *
 * @param method how the forecast and the staffing were computed, in words
 */
public record StaffingPlan(String queueId, LocalDate date, String zone, String interval, String method,
        List<Row> rows, Row peak, double scheduledAgentHours) {

    public record Row(Instant start, Instant end, double forecastArrivals, double forecastAhtSeconds, int agents,
            int scheduledAgents, Double serviceLevel) {
    }
}
