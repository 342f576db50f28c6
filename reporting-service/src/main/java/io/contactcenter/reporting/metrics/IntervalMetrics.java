package io.contactcenter.reporting.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Historical metrics per interval, from contact records. Every definition is here, in one place:
 * <ul>
 * <li>offered: contacts that entered the queue in the interval;</li>
 * <li>answered / abandoned: of those, the ones answered / that hung up while waiting (whenever that was);</li>
 * <li>short abandons: abandoned within S seconds;</li>
 * <li>service level: by the chosen {@link ServiceLevelDefinition};</li>
 * <li>ASA: mean wait of the answered ones; AHT: mean talk + hold + wrap-up of the completed ones;</li>
 * <li>abandon rate: abandoned / offered; transfers: transfers made on contacts offered in the interval.</li>
 * </ul>
 */
public final class IntervalMetrics {

    private IntervalMetrics() {
    }

    public record Row(Instant start, Instant end, long offered, long answered, long answeredWithinThreshold,
            long abandoned, long shortAbandoned, Double serviceLevel, Double averageSpeedOfAnswerSeconds,
            Double averageHandleSeconds, Double abandonRate, long transfers) {
    }

    /** Rows for every interval in [from, to), empty intervals included, so charts have no gaps. */
    public static List<Row> compute(List<ContactRecord> contacts, Instant from, Instant to, Duration interval,
            ServiceLevelDefinition definition, double thresholdSeconds, double shortAbandonSeconds) {
        int count = (int) Math.ceil((double) Duration.between(from, to).toSeconds() / interval.toSeconds());
        long[][] n = new long[count][6];
        double[] waitAnswered = new double[count];
        double[] handle = new double[count];
        long[] handled = new long[count];
        for (ContactRecord c : contacts) {
            if (c.offeredAt().isBefore(from) || !c.offeredAt().isBefore(to)) {
                continue;
            }
            int i = (int) (Duration.between(from, c.offeredAt()).toSeconds() / interval.toSeconds());
            n[i][0]++;
            double wait = c.waitSeconds() == null ? 0 : c.waitSeconds();
            if (c.answered()) {
                n[i][1]++;
                waitAnswered[i] += wait;
                if (wait <= thresholdSeconds) {
                    n[i][2]++;
                }
            } else if (c.abandoned()) {
                n[i][3]++;
                if (wait <= shortAbandonSeconds) {
                    n[i][4]++;
                }
            }
            if (c.handleSeconds() != null) {
                handle[i] += c.handleSeconds();
                handled[i]++;
            }
            n[i][5] += c.transfers();
        }
        List<Row> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Instant start = from.plus(interval.multipliedBy(i));
            Instant end = start.plus(interval).isAfter(to) ? to : start.plus(interval);
            long offered = n[i][0];
            rows.add(new Row(start, end, offered, n[i][1], n[i][2], n[i][3], n[i][4],
                    definition.apply(offered, n[i][2], n[i][3], n[i][4]),
                    n[i][1] == 0 ? null : waitAnswered[i] / n[i][1],
                    handled[i] == 0 ? null : handle[i] / handled[i],
                    offered == 0 ? null : (double) n[i][3] / offered, n[i][5]));
        }
        return rows;
    }
}
