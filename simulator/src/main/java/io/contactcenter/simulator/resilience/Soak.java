package io.contactcenter.simulator.resilience;

import io.contactcenter.simulator.traffic.Traffic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Calls at a steady rate for a long spell, no fault, with every process's resident set size and the callers' errors
 * sampled over time. It holds when the accounting holds, the errors do not grow, and no process's RSS keeps growing:
 * the mean of the last third of the samples is within {@link #RSS_GROWTH_ALLOWED} of the middle third's (the first
 * third is the heap and the JIT settling).
 */
public final class Soak {

    static final double RSS_GROWTH_ALLOWED = 0.10;

    /** One sample: seconds into the run, calls so far, caller errors so far, RSS in KiB by process. */
    public record Sample(double at, long calls, long errors, Map<String, Long> rss) {
    }

    /** The soak's accounting row, samples, and verdict. */
    public record Result(Resilience.Result accounting, List<Sample> samples, Map<String, Double> growth, long errorsLate) {

        public boolean held() {
            return accounting.failures().isEmpty() && errorsLate == 0
                    && growth.values().stream().allMatch(g -> g <= RSS_GROWTH_ALLOWED);
        }

        public String markdown() {
            StringBuilder md = new StringBuilder("## Soak\n\n");
            md.append(Resilience.header()).append(Resilience.row(accounting)).append("\n\n");
            List<String> names = samples.isEmpty() ? List.of() : new ArrayList<>(samples.get(0).rss().keySet());
            md.append("RSS over time (MiB):\n\n| s | calls | caller errors | ").append(String.join(" | ", names)).append(" |\n|")
                    .append("---:|".repeat(names.size() + 3)).append('\n');
            for (Sample s : samples) {
                md.append(String.format(Locale.ROOT, "| %.0f | %d | %d |", s.at(), s.calls(), s.errors()));
                names.forEach(n -> md.append(String.format(Locale.ROOT, " %.0f |", s.rss().getOrDefault(n, 0L) / 1024.0)));
                md.append('\n');
            }
            md.append("\nRSS growth, last third of the samples over the middle third: ");
            growth.forEach((n, g) -> md.append(String.format(Locale.ROOT, "%s %+.1f %%, ", n, g * 100)));
            md.append(String.format(Locale.ROOT, "(allowed %+.0f %%). Caller errors in the last two thirds: %d.%n", RSS_GROWTH_ALLOWED * 100,
                    errorsLate));
            md.append(held() ? "\nVerdict: held.\n" : "\nVerdict: **did not hold**: " + accounting.failures() + "\n");
            return md.toString();
        }
    }

    private Soak() {
    }

    public static Result run(Suite suite, Duration length, double rate, long seed) throws Exception {
        List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
        samples.add(new Sample(0, 0, 0, suite.rss()));
        Resilience.Result accounting = Resilience.run(suite, "soak " + length.toMinutes() + " min at " + rate + " calls per s", null,
                null, length, rate, seed, (Traffic t) -> samples.add(new Sample(t.now(), t.counters().arrived.get(),
                        t.counters().errors.get(), suite.rss())), Duration.ofSeconds(30));
        Map<String, Double> growth = new TreeMap<>();
        int n = samples.size();
        List<Sample> middle = samples.subList(n / 3, 2 * n / 3);
        List<Sample> last = samples.subList(2 * n / 3, n);
        for (String name : samples.get(0).rss().keySet()) {
            double before = middle.stream().mapToLong(s -> s.rss().getOrDefault(name, 0L)).average().orElse(0);
            double after = last.stream().mapToLong(s -> s.rss().getOrDefault(name, 0L)).average().orElse(0);
            growth.put(name, before == 0 ? 0 : after / before - 1);
        }
        long errorsLate = samples.get(n - 1).errors() - samples.get(n / 3).errors();
        return new Result(accounting, List.copyOf(samples), growth, errorsLate);
    }
}
