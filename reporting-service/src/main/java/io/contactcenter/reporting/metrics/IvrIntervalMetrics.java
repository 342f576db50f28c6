package io.contactcenter.reporting.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * IVR sessions per interval, by the interval in which they ended. Outcomes come from {@code ivr.completed}:
 * contained (the caller was served by self-service), enqueued, transferred, abandoned (hung up in the IVR).
 * Containment = contained ÷ sessions.
 */
public final class IvrIntervalMetrics {

    private IvrIntervalMetrics() {
    }

    public record Session(Instant endedAt, String outcome) {
    }

    public record Row(Instant start, Instant end, long sessions, long contained, long enqueued, long transferred,
            long abandoned, Double containment) {
    }

    public static List<Row> compute(List<Session> sessions, Instant from, Instant to, Duration interval) {
        int count = (int) Math.ceil((double) Duration.between(from, to).toSeconds() / interval.toSeconds());
        long[][] n = new long[count][5];
        for (Session s : sessions) {
            if (s.endedAt().isBefore(from) || !s.endedAt().isBefore(to)) {
                continue;
            }
            int i = (int) (Duration.between(from, s.endedAt()).toSeconds() / interval.toSeconds());
            n[i][0]++;
            switch (s.outcome()) {
                case "contained" -> n[i][1]++;
                case "enqueued" -> n[i][2]++;
                case "transferred" -> n[i][3]++;
                case "abandoned" -> n[i][4]++;
                default -> { }
            }
        }
        List<Row> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Instant start = from.plus(interval.multipliedBy(i));
            Instant end = start.plus(interval).isAfter(to) ? to : start.plus(interval);
            rows.add(new Row(start, end, n[i][0], n[i][1], n[i][2], n[i][3], n[i][4],
                    n[i][0] == 0 ? null : (double) n[i][1] / n[i][0]));
        }
        return rows;
    }
}
