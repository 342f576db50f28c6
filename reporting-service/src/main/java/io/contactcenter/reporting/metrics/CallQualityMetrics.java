package io.contactcenter.reporting.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Call quality per interval, by the interval in which a call ended; every figure is what the voice gateway received.
 * <ul>
 * <li>MOS: the E-model estimate (ITU-T G.107) of the customer's stream; agent MOS the same for the agent's phone.</li>
 * <li>Poor call: MOS below {@value #POOR_MOS} on either stream (R below 70, where G.107 puts "many users
 * dissatisfied").</li>
 * <li>Loss: packets lost ÷ expected, averaged over calls; jitter: RFC 3550 interarrival jitter, averaged and its
 * worst call.</li>
 * <li>One-way audio: connected for 10 s or more, packets from both sides, but (almost) no voice from one.</li>
 * <li>Calls without media: the customer's stream carried no packet (MOS unknown); they count in {@code calls} but in
 * none of the averages, so a silent line cannot pass for a perfect one.</li>
 * </ul>
 */
public final class CallQualityMetrics {

    /** Below this MOS a call is poor. */
    public static final double POOR_MOS = 3.6;

    public static final String DEFINITION = "poor = MOS < " + POOR_MOS + " on either stream; poorRate = poor / calls;"
            + " MOS, loss and jitter averaged over the calls that carried media, as the gateway received them";

    private CallQualityMetrics() {
    }

    /** One call's figures; the agent's are null when no agent phone was bridged. */
    public record Call(Instant endedAt, Double mos, double lossRatio, double jitterMillis, Double agentMos,
            boolean oneWayAudio) {

        boolean poor() {
            return mos != null && mos < POOR_MOS || agentMos != null && agentMos < POOR_MOS;
        }

        boolean hasMedia() {
            return mos != null;
        }
    }

    public record Row(Instant start, Instant end, long calls, long callsWithoutMedia, Double averageMos, Double minimumMos, Double averageAgentMos,
            long poorCalls, Double poorRate, Double averageLossRatio, Double averageJitterMillis, Double maximumJitterMillis,
            long oneWayAudioCalls) {
    }

    public static List<Row> compute(List<Call> calls, Instant from, Instant to, Duration interval) {
        int count = (int) Math.ceil((double) Duration.between(from, to).toSeconds() / interval.toSeconds());
        List<List<Call>> buckets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            buckets.add(new ArrayList<>());
        }
        for (Call c : calls) {
            if (!c.endedAt().isBefore(from) && c.endedAt().isBefore(to)) {
                buckets.get((int) (Duration.between(from, c.endedAt()).toSeconds() / interval.toSeconds())).add(c);
            }
        }
        List<Row> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Instant start = from.plus(interval.multipliedBy(i));
            Instant end = start.plus(interval).isAfter(to) ? to : start.plus(interval);
            rows.add(row(start, end, buckets.get(i)));
        }
        return rows;
    }

    private static Row row(Instant start, Instant end, List<Call> calls) {
        List<Call> measured = calls.stream().filter(Call::hasMedia).toList();
        long poor = calls.stream().filter(Call::poor).count();
        List<Double> agentMos = calls.stream().map(Call::agentMos).filter(m -> m != null).toList();
        return new Row(start, end, calls.size(), calls.size() - measured.size(),
                average(measured.stream().mapToDouble(Call::mos)),
                measured.isEmpty() ? null : measured.stream().mapToDouble(Call::mos).min().orElseThrow(),
                average(agentMos.stream().mapToDouble(Double::doubleValue)),
                poor, calls.isEmpty() ? null : (double) poor / calls.size(),
                average(measured.stream().mapToDouble(Call::lossRatio)),
                average(measured.stream().mapToDouble(Call::jitterMillis)),
                measured.isEmpty() ? null : measured.stream().mapToDouble(Call::jitterMillis).max().orElseThrow(),
                calls.stream().filter(Call::oneWayAudio).count());
    }

    private static Double average(java.util.stream.DoubleStream values) {
        java.util.OptionalDouble a = values.average();
        return a.isPresent() ? a.getAsDouble() : null;
    }
}
