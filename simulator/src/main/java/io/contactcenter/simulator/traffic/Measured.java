package io.contactcenter.simulator.traffic;

import io.contactcenter.simulator.Stats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
 * <li>95 % confidence half-widths of service level and ASA by batch means: the ended contacts in order of entry cut
 * into {@value #BATCHES} consecutive batches, each batch's value taken as one observation (Student's t, 19 degrees of
 * freedom). Waits of neighbouring contacts are strongly correlated near saturation, so the plain binomial interval
 * would be far too narrow; batches long against the queue's excursions are close to independent.</li>
 * </ul>
 */
public record Measured(long offered, long answered, long abandoned, double serviceLevel, double asaSeconds,
        double probabilityOfWaiting, double abandonRate, List<EwtError> ewt, double serviceLevelHalfWidth,
        double asaHalfWidth) {

    static final int BATCHES = 20;
    /** Student's t quantile 0.975 with BATCHES − 1 = 19 degrees of freedom. */
    private static final double T_975_19 = 2.093;

    /** Routing's estimate against the real wait for one band of entry positions. */
    public record EwtError(String positions, int contacts, double meanAbsoluteSeconds, double p90AbsoluteSeconds,
            double meanSignedSeconds) {
    }

    private static final int[][] BANDS = {{1, 1}, {2, 2}, {3, 3}, {4, 5}, {6, 10}, {11, Integer.MAX_VALUE}};

    public static Measured of(List<Outcome> outcomes, double thresholdSeconds, double deltaSeconds) {
        Measured all = point(outcomes, thresholdSeconds, deltaSeconds);
        List<Outcome> ended = outcomes.stream().filter(o -> o.answered() || o.abandoned())
                .sorted(Comparator.comparingDouble(Outcome::enteredAt)).toList();
        double slHalf = Double.NaN;
        double asaHalf = Double.NaN;
        if (ended.size() >= BATCHES * 10) {
            double[] sl = new double[BATCHES];
            double[] asa = new double[BATCHES];
            for (int b = 0; b < BATCHES; b++) {
                Measured batch = point(ended.subList(b * ended.size() / BATCHES, (b + 1) * ended.size() / BATCHES),
                        thresholdSeconds, deltaSeconds);
                sl[b] = batch.serviceLevel();
                asa[b] = batch.asaSeconds();
            }
            slHalf = halfWidth(sl);
            asaHalf = halfWidth(asa);
        }
        return new Measured(all.offered, all.answered, all.abandoned, all.serviceLevel, all.asaSeconds,
                all.probabilityOfWaiting, all.abandonRate, all.ewt, slHalf, asaHalf);
    }

    private static double halfWidth(double[] observations) {
        double mean = Arrays.stream(observations).average().orElse(0);
        double squares = Arrays.stream(observations).map(x -> (x - mean) * (x - mean)).sum();
        return T_975_19 * Math.sqrt(squares / (observations.length - 1) / observations.length);
    }

    private static Measured point(List<Outcome> outcomes, double thresholdSeconds, double deltaSeconds) {
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
                ratio(waitedOverDelta, offered), ratio(abandoned, offered), List.copyOf(ewt), Double.NaN, Double.NaN);
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    private static String label(int[] band) {
        return band[0] == band[1] ? String.valueOf(band[0])
                : band[1] == Integer.MAX_VALUE ? band[0] + "+" : band[0] + "–" + band[1];
    }
}
