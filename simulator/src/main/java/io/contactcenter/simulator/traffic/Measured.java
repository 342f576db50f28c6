package io.contactcenter.simulator.traffic;

import io.contactcenter.simulator.Stats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The definitions of what the simulator measures, over contacts that ended (answered or abandoned). They follow
 * reporting-service's default definitions so the two can be compared:
 * <ul>
 * <li>offered = answered + abandoned;</li>
 * <li>service level = answered within T ÷ offered (abandons count as not answered in time, as in Erlang A);</li>
 * <li>ASA = mean wait of answered contacts;</li>
 * <li>P(wait &gt; δ) = offered contacts that waited longer than δ ÷ offered: Erlang's "probability of waiting",
 * with δ a small tolerance because no real system answers in zero time;</li>
 * <li>abandonment = abandoned ÷ offered;</li>
 * <li>EWT error = routing's estimate at entry − the wait the caller then had, for answered contacts, by the
 * position routing gave at entry.</li>
 * </ul>
 */
public record Measured(long offered, long answered, long abandoned, double serviceLevel, double asaSeconds,
        double probabilityOfWaiting, double abandonRate, List<EwtError> ewt) {

    /** Routing's estimate against the real wait for one band of entry positions. */
    public record EwtError(String positions, int contacts, double meanAbsoluteSeconds, double p90AbsoluteSeconds,
            double meanSignedSeconds) {
    }

    private static final int[][] BANDS = {{1, 1}, {2, 2}, {3, 3}, {4, 5}, {6, 10}, {11, Integer.MAX_VALUE}};

    public static Measured of(List<Outcome> outcomes, double thresholdSeconds, double deltaSeconds) {
        long answered = 0;
        long abandoned = 0;
        long inThreshold = 0;
        long waitedOverDelta = 0;
        double answeredWait = 0;
        Map<String, List<double[]>> errors = new LinkedHashMap<>();
        for (int[] band : BANDS) {
            errors.put(label(band), new ArrayList<>());
        }
        for (Outcome o : outcomes) {
            if (!o.answered() && !o.abandoned()) {
                continue;
            }
            if (o.waitSeconds() > deltaSeconds) {
                waitedOverDelta++;
            }
            if (o.abandoned()) {
                abandoned++;
                continue;
            }
            answered++;
            answeredWait += o.waitSeconds();
            if (o.waitSeconds() <= thresholdSeconds) {
                inThreshold++;
            }
            if (o.position() != null && o.ewtSeconds() != null) {
                for (int[] band : BANDS) {
                    if (o.position() >= band[0] && o.position() <= band[1]) {
                        errors.get(label(band)).add(new double[] {o.ewtSeconds() - o.waitSeconds()});
                    }
                }
            }
        }
        long offered = answered + abandoned;
        List<EwtError> ewt = new ArrayList<>();
        errors.forEach((label, list) -> {
            if (!list.isEmpty()) {
                double[] abs = list.stream().mapToDouble(e -> Math.abs(e[0])).sorted().toArray();
                ewt.add(new EwtError(label, list.size(), Arrays.stream(abs).average().orElse(0), Stats.percentile(abs, 90),
                        list.stream().mapToDouble(e -> e[0]).average().orElse(0)));
            }
        });
        return new Measured(offered, answered, abandoned, ratio(inThreshold, offered), answered == 0 ? 0 : answeredWait / answered,
                ratio(waitedOverDelta, offered), ratio(abandoned, offered), List.copyOf(ewt));
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    private static String label(int[] band) {
        return band[0] == band[1] ? String.valueOf(band[0])
                : band[1] == Integer.MAX_VALUE ? band[0] + "+" : band[0] + "–" + band[1];
    }
}
