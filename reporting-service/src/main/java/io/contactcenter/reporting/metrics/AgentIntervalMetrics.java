package io.contactcenter.reporting.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An agent's intervals. Definitions:
 * <ul>
 * <li>handled: contacts the agent completed in the interval; AHT: their mean talk + hold + wrap-up;</li>
 * <li>available / engaged / not-ready seconds: time in AVAILABLE; in RESERVED, BUSY or WRAP_UP; in NOT_READY,
 * cut at the interval's bounds (LOGGED_OUT and unknown time count nowhere);</li>
 * <li>occupancy: engaged ÷ (available + engaged), the share of staffed, ready-to-work time spent on contacts.</li>
 * </ul>
 */
public final class AgentIntervalMetrics {

    static final Set<String> ENGAGED = Set.of("RESERVED", "BUSY", "WRAP_UP");

    private AgentIntervalMetrics() {
    }

    /** A stretch of time in one state; {@code end} null while it lasts (counted up to {@code now}). */
    public record Stretch(String state, Instant start, Instant end) {
    }

    /** A contact the agent completed at {@code completedAt}. */
    public record Handled(Instant completedAt, double handleSeconds) {
    }

    public record Row(Instant start, Instant end, long handled, Double averageHandleSeconds, double availableSeconds,
            double engagedSeconds, double notReadySeconds, Double occupancy) {
    }

    public static List<Row> compute(List<Stretch> stretches, List<Handled> handled, Instant from, Instant to,
            Duration interval, Instant now) {
        int count = (int) Math.ceil((double) Duration.between(from, to).toSeconds() / interval.toSeconds());
        List<Row> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Instant start = from.plus(interval.multipliedBy(i));
            Instant end = start.plus(interval).isAfter(to) ? to : start.plus(interval);
            double available = 0;
            double engaged = 0;
            double notReady = 0;
            for (Stretch s : stretches) {
                Instant sEnd = s.end() == null ? now : s.end();
                Instant a = s.start().isAfter(start) ? s.start() : start;
                Instant b = sEnd.isBefore(end) ? sEnd : end;
                if (!b.isAfter(a)) {
                    continue;
                }
                double seconds = Duration.between(a, b).toMillis() / 1000.0;
                if ("AVAILABLE".equals(s.state())) {
                    available += seconds;
                } else if (ENGAGED.contains(s.state())) {
                    engaged += seconds;
                } else if ("NOT_READY".equals(s.state())) {
                    notReady += seconds;
                }
            }
            long n = 0;
            double handle = 0;
            for (Handled h : handled) {
                if (!h.completedAt().isBefore(start) && h.completedAt().isBefore(end)) {
                    n++;
                    handle += h.handleSeconds();
                }
            }
            double staffed = available + engaged;
            rows.add(new Row(start, end, n, n == 0 ? null : handle / n, available, engaged, notReady,
                    staffed == 0 ? null : engaged / staffed));
        }
        return rows;
    }
}
