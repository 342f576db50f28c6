package io.contactcenter.simulator;

import io.contactcenter.devstack.DevStack;
import io.contactcenter.simulator.resilience.Resilience;
import io.contactcenter.simulator.resilience.Scenario;
import io.contactcenter.simulator.resilience.Soak;
import io.contactcenter.simulator.resilience.Suite;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./contact-center bench resilience}: every fault scenario at full length under simulated calls through the IVR,
 * each with its accounting table row, then a soak at the same rate with the processes' RSS sampled over time. Options:
 * {@code --scenarios=ROUTING_REPLICA_KILL,...} (default all), {@code --rate=2.0} (calls/s), {@code --soak-minutes=10}
 * (0 skips it), {@code --brief=true} (the test's short timings), {@code --out=bench/results/resilience.md}.
 */
public final class ResilienceBench {

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = Bench.options(args);
        double rate = Double.parseDouble(opts.getOrDefault("rate", "2.0"));
        int soakMinutes = Integer.parseInt(opts.getOrDefault("soak-minutes", "10"));
        Scenario.Timing timing = Boolean.parseBoolean(opts.getOrDefault("brief", "false")) ? Scenario.Timing.brief()
                : Scenario.Timing.full();
        List<Scenario> scenarios = opts.containsKey("scenarios")
                ? Arrays.stream(opts.get("scenarios").split(",")).filter(s -> !s.isBlank()).map(Scenario::valueOf).toList()
                : List.of(Scenario.values());
        Path out = DevStack.root().resolve(opts.getOrDefault("out", "bench/results/resilience.md"));
        Bench.init();
        Instant started = Instant.now();
        List<Resilience.Result> results = new ArrayList<>();
        Soak.Result soak = null;
        try (Suite suite = new Suite(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"))) {
            suite.startAll();
            long seed = 101;
            for (Scenario scenario : scenarios) {
                results.add(Resilience.run(suite, scenario, timing, rate, seed++));
                write(out, args, started, rate, timing, results, null); // a later failure keeps what was measured
            }
            if (soakMinutes > 0) {
                soak = Soak.run(suite, Duration.ofMinutes(soakMinutes), rate, seed);
            }
        }
        String md = write(out, args, started, rate, timing, results, soak);
        System.out.println(md);
        boolean failed = results.stream().anyMatch(r -> !r.failures().isEmpty()) || (soak != null && !soak.held());
        System.exit(failed ? 1 : 0);
    }

    private static String write(Path out, String[] args, Instant started, double rate, Scenario.Timing timing,
            List<Resilience.Result> results, Soak.Result soak) throws java.io.IOException {
        StringBuilder md = new StringBuilder("# Resilience: faults under load, with an accounting\n\n");
        md.append("- Command: `./contact-center bench resilience").append(args.length == 0 ? "" : " " + String.join(" ", args))
                .append("`\n- Machine: ").append(Machine.describe()).append("\n- Run: ").append(started)
                .append(String.format(Locale.ROOT, ", %.0f min%n", Duration.between(started, Instant.now()).toSeconds() / 60.0))
                .append(String.format(Locale.ROOT, "- Traffic: %.1f calls/s through the IVR's after-sales flow, 14 agents, AHT 5 s"
                        + " (log-normal), mean patience 10 s, abandoned calls returned by callback-service; each scenario %d s"
                        + " of calls, the fault %d s in, outage %d s (the frozen consumer %d s, with calls throughout), then"
                        + " every caller and callback waited for%n", rate, timing.traffic().toSeconds(), timing.faultAt().toSeconds(),
                        timing.outage().toSeconds(), timing.consumerStopped().toSeconds()))
                .append("- Suite: the five services as separate JVMs (256 MB heap, serial GC, C1), two routing replicas behind"
                        + " a TCP balancer, the tests' own Kafka broker and PostgreSQL 15\n\n")
                .append("Definitions: a run's contacts are those that arrived on its own IVR number and the returned calls of"
                        + " the callbacks they asked for; each is read back off the wire (read_committed) from where the run"
                        + " began. *Lost* = started and never ended (must be 0). *Ended twice* = two terminal events."
                        + " *Duplicates on the wire* = an event id seen twice. *Duplicates absorbed* = redeliveries the"
                        + " services' inboxes skipped (`cc_inbox_events_total{result=duplicate}`, scraped before a process"
                        + " is killed and at the end). *Double bookings* = moments an agent held more than its capacity,"
                        + " from routing's offers (must be 0). *Callbacks dispatched twice* = a callback enqueued or dialled"
                        + " twice for one attempt (must be 0).\n\n");
        if (!results.isEmpty()) {
            md.append(Resilience.header());
            results.forEach(r -> md.append(Resilience.row(r)).append('\n'));
            md.append("\nWhat each fault saw:\n\n");
            for (Resilience.Result r : results) {
                md.append("- **").append(r.name()).append("**: ").append(r.notes().isEmpty() ? "—" : String.join("; ", r.notes()));
                if (!r.failures().isEmpty()) {
                    md.append(". **Failed:** ").append(String.join("; ", r.failures()));
                }
                md.append('\n');
            }
        }
        if (soak != null) {
            md.append('\n').append(soak.markdown());
        }
        Bench.write(out, md.toString());
        return md.toString();
    }

    private ResilienceBench() {
    }
}
