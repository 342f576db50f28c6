package io.contactcenter.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactcenter.devstack.DevStack;
import io.contactcenter.devstack.ServiceProcess;
import io.contactcenter.simulator.traffic.Api;
import io.contactcenter.simulator.traffic.Measured;
import io.contactcenter.simulator.traffic.Outcome;
import io.contactcenter.simulator.traffic.Traffic;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Queueing fidelity: Poisson callers straight into queues of the packaged routing-service, agents at their desks
 * with exponential handle times, and the measured service level, ASA, probability of waiting and abandonment set
 * against Erlang C / Erlang A from reporting-service's staffing calculator. Times are scaled (AHT 2 s by default).
 */
public final class FidelityBench {

    /** One queue with its own agents. Patience 0: callers never hang up (Erlang C). */
    record Scenario(String name, double erlangs, int agents, double patienceFactor) {
    }

    record Result(Scenario scenario, Measured measured, double busyMean, JsonNode theoryNominal, JsonNode theoryBusy,
            double[] acceptTrips) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = Bench.options(args);
        double aht = Double.parseDouble(opts.getOrDefault("aht", "2"));
        int contacts = Integer.parseInt(opts.getOrDefault("contacts", "5000"));
        int warmup = Integer.parseInt(opts.getOrDefault("warmup", "60"));
        Path out = DevStack.root().resolve(opts.getOrDefault("out", "bench/results/erlang-fidelity.md"));
        double threshold = aht / 2;
        double delta = aht / 20;
        // scenarios in one group run at once; groups one after the other (all at once saturates two cores)
        List<List<Scenario>> groups = List.of(
                List.of(new Scenario("10 Erl / 11 agents", 10, 11, 0), new Scenario("10 Erl / 12 agents", 10, 12, 0),
                        new Scenario("10 Erl / 13 agents", 10, 13, 0), new Scenario("10 Erl / 15 agents", 10, 15, 0)),
                List.of(new Scenario("48 Erl / 50 agents, patience 2×AHT", 48, 50, 2)));
        Bench.init();
        String run = Long.toString(System.currentTimeMillis(), 36);
        List<Result> results = new ArrayList<>();
        Map<Scenario, List<Outcome>> outcomes = new LinkedHashMap<>();
        Map<Scenario, double[]> busy = new HashMap<>();
        Map<Scenario, double[]> accepts = new HashMap<>();
        try (ServiceProcess routing = ServiceProcess.start("routing", Map.of(), List.of("-Xmx1g", "-XX:+UseG1GC"))) {
            Api api = new Api(Map.of("routing", URI.create(routing.url(""))));
            String admin = api.token("admin");
            int g = 0;
            for (List<Scenario> group : groups) {
                List<Traffic.Stream> streams = new ArrayList<>();
                List<String> agents = new ArrayList<>();
                Map<Scenario, String> queues = new LinkedHashMap<>();
                double seconds = 0;
                for (Scenario s : group) {
                    String queue = "fid-" + run + "-" + (g++);
                    queues.put(s, queue);
                    api.call("routing", "PUT", "/routing/queues/" + queue, admin, Map.of("strategy", "LONGEST_IDLE",
                            "wrapUpSeconds", 0, "offerTimeoutSeconds", 60, "serviceLevelSeconds", Math.max(1, (int) threshold)));
                    for (int a = 0; a < s.agents(); a++) {
                        String id = queue + "-a" + a;
                        api.call("routing", "PUT", "/routing/agents/" + id, admin, Map.of("queues",
                                Map.of(queue, Map.of("level", 1, "penalty", 0, "weight", 1)), "capacity", Map.of("VOICE", 1)));
                        agents.add(id);
                    }
                    double rate = s.erlangs() / aht;
                    streams.add(Traffic.Stream.direct(queue, rate, 0));
                    seconds = Math.max(seconds, warmup + contacts / rate * 1.03);
                }
                double patience = group.get(0).patienceFactor() * aht;
                Traffic.Plan plan = new Traffic.Plan(streams, agents, aht, Traffic.Handling.EXPONENTIAL, 0, patience, 0, 0, 0,
                        1, Traffic.RateProfile.FLAT, List.of(), 42 + g);
                System.out.printf(Locale.ROOT, "group %s: %.0f s of traffic%n", group.stream().map(Scenario::name).toList(), seconds);
                Traffic traffic = new Traffic(api, plan, false);
                try (traffic) {
                    traffic.startDesks();
                    traffic.run(Duration.ofSeconds((long) seconds), Duration.ofSeconds(30), t -> System.out.printf(
                            Locale.ROOT, "  %4.0f s: %d calls, %d answered, %d abandoned, %d errors%n", t.now(),
                            t.counters().arrived.get(), t.counters().answered.get(), t.counters().abandoned.get(),
                            t.counters().errors.get()));
                    traffic.finish(Duration.ofSeconds(120));
                }
                double cut = warmup;
                for (Map.Entry<Scenario, String> e : queues.entrySet()) {
                    List<Outcome> mine = traffic.outcomes().stream()
                            .filter(o -> e.getValue().equals(o.queueId()) && o.enteredAt() >= cut).toList();
                    outcomes.put(e.getKey(), mine);
                    busy.put(e.getKey(), traffic.busyTimes(e.getValue()));
                    accepts.put(e.getKey(), traffic.acceptRoundTrips());
                }
                if (!traffic.errors().isEmpty()) {
                    System.out.println("errors: " + traffic.errors());
                }
            }
        }
        // the calculator is started after the traffic so it does not compete for the two cores
        // only its calculator is needed: with no history to replay its answers do not time out
        try (ServiceProcess reporting = ServiceProcess.start("reporting", Bench.fromTheEnd("reporting-fidelity-" + run,
                Map.of()))) {
            Api api = new Api(Map.of("reporting", URI.create(reporting.url(""))));
            for (Map.Entry<Scenario, List<Outcome>> e : outcomes.entrySet()) {
                Scenario s = e.getKey();
                Measured m = Measured.of(e.getValue(), threshold, delta);
                double busyMean = Stats.mean(busy.get(s));
                results.add(new Result(s, m, busyMean, theory(api, s, aht, aht, threshold),
                        theory(api, s, aht, busyMean, threshold), accepts.get(s)));
            }
        }
        write(out, results, aht, contacts, warmup, threshold, delta, String.join(" ", args));
        System.out.println("wrote " + out);
        System.exit(0);
    }

    /** Erlang C (or A with patience) for the scenario's arrival rate, with the given mean handle time. */
    private static JsonNode theory(Api api, Scenario s, double nominalAht, double aht, double threshold) {
        double perHour = s.erlangs() / nominalAht * 3600;
        String query = String.format(Locale.ROOT, "model=%s&arrivals=%.4f&intervalSeconds=3600&ahtSeconds=%.6f"
                + "&thresholdSeconds=%.4f&agents=%d%s", s.patienceFactor() > 0 ? "erlang-a" : "erlang-c", perHour, aht,
                threshold, s.agents(), s.patienceFactor() > 0 ? "&patienceSeconds=" + s.patienceFactor() * nominalAht : "");
        Api.Reply r = api.send("reporting", "GET", "/reports/staffing/erlang?" + query, api.token("service"), null);
        return r.ok() ? r.body() : null;
    }

    private static void write(Path out, List<Result> results, double aht, int contacts, int warmup, double threshold,
            double delta, String args) throws Exception {
        StringBuilder md = new StringBuilder("# Queueing fidelity: measured against Erlang C / Erlang A\n\n");
        md.append("Generated by `./contact-center bench fidelity").append(args.isBlank() ? "" : " " + args).append("` on ")
                .append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append(".\n\n");
        md.append("- Machine: ").append(Machine.describe()).append("\n");
        md.append(String.format(Locale.ROOT, "- Setup: one packaged routing-service (`-Xmx1g -XX:+UseG1GC`), PostgreSQL and Kafka"
                + " local; the simulator's callers enqueue with `POST /routing/contacts` as a Poisson process, agents take"
                + " offers over SSE, accept and complete over REST. Exponential handle times with mean AHT = %.1f s, no"
                + " wrap-up, no rejects. T = AHT/2 = %.2f s, δ = AHT/20 = %.2f s. At least %d contacts per scenario"
                + " after a %d s warm-up that is not counted. Scenarios in a group run at the same time on separate queues"
                + " and agents.%n", aht, threshold, delta, contacts, warmup));
        md.append("- Waits are the caller's: from sending the enqueue to the agent's accept confirmed (answered) or the"
                + " hang-up confirmed (abandoned). Definitions in `simulator/…/traffic/Measured.java`. The ± figures are 95 %"
                + " confidence half-widths by batch means (20 consecutive batches): near saturation neighbouring waits are"
                + " correlated and a run of a few thousand contacts can sit several points away from its long-run value.\n");
        md.append("- Theory: reporting-service's calculator (`GET /reports/staffing/erlang?agents=N`) at the nominal AHT,"
                + " and at the agents' measured busy time per contact (accept → completion confirmed), which is what the"
                + " agents really spent. Target: SL within ±3 pp and ASA within ±15 % of the latter.\n\n");
        md.append("| scenario | contacts | busy s | SL ± 95 % CI | SL theory (AHT / busy) | ΔSL pp | ASA s ± 95 % CI |"
                + " ASA theory (AHT / busy) | ΔASA | P(wait>δ) | P(wait) theory | abandoned | theory | verdict |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Result r : results) {
            Measured m = r.measured();
            if (r.theoryBusy() == null || r.theoryNominal() == null) {
                // Erlang C has no steady state when the load reaches the agents: the calculator refuses it
                md.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %s | refused by the calculator (load ≥ agents) | – |"
                        + " %s | – | – | %.1f %% | – | %.1f %% | – | **no theory** |%n", r.scenario().name(), m.offered(),
                        r.busyMean(), sl(m), asa(m), m.probabilityOfWaiting() * 100, m.abandonRate() * 100));
                continue;
            }
            double slTheory = r.theoryBusy().path("serviceLevel").asDouble();
            double asaTheory = r.theoryBusy().path("averageSpeedOfAnswerSeconds").asDouble();
            double dSl = (m.serviceLevel() - slTheory) * 100;
            double dAsa = asaTheory == 0 ? 0 : (m.asaSeconds() - asaTheory) / asaTheory * 100;
            boolean met = Math.abs(dSl) <= 3 && Math.abs(dAsa) <= 15 && m.offered() >= contacts;
            // a miss the sample cannot resolve (theory inside the measurement's interval) is told apart from a real gap
            boolean slInside = Math.abs(m.serviceLevel() - slTheory) <= m.serviceLevelHalfWidth();
            boolean asaInside = Math.abs(m.asaSeconds() - asaTheory) <= m.asaHalfWidth();
            String verdict = met ? "met" : "**missed**" + (slInside && asaInside ? " (theory inside both 95 % CIs)"
                    : slInside ? " (SL theory inside its 95 % CI)" : asaInside ? " (ASA theory inside its 95 % CI)" : "");
            md.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %s | %.1f %% / %.1f %% | %+.1f | %s | %.3f / %.3f | %+.0f %% (%+.0f ms) |"
                    + " %.1f %% | %.1f %% | %.1f %% | %s | %s |%n", r.scenario().name(), m.offered(), r.busyMean(),
                    sl(m), r.theoryNominal().path("serviceLevel").asDouble() * 100, slTheory * 100, dSl,
                    asa(m), r.theoryNominal().path("averageSpeedOfAnswerSeconds").asDouble(), asaTheory, dAsa,
                    (m.asaSeconds() - asaTheory) * 1000, m.probabilityOfWaiting() * 100,
                    r.theoryBusy().path("probabilityOfWaiting").asDouble() * 100, m.abandonRate() * 100,
                    r.theoryBusy().path("abandonmentRate").isNumber()
                            ? String.format(Locale.ROOT, "%.1f %%", r.theoryBusy().path("abandonmentRate").asDouble() * 100) : "–",
                    verdict));
        }
        md.append("\n## EWT accuracy\n\nRouting's estimate given right after entry (`GET /routing/contacts/{id}`) minus the"
                + " wait the caller then had, answered contacts, by the position routing gave.\n\n");
        md.append("| scenario | positions | contacts | MAE s | p90 abs. error s | mean signed error s |\n|---|---|---|---|---|---|\n");
        for (Result r : results) {
            for (Measured.EwtError e : r.measured().ewt()) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %d | %.3f | %.3f | %+.3f |%n", r.scenario().name(),
                        e.positions(), e.contacts(), e.meanAbsoluteSeconds(), e.p90AbsoluteSeconds(), e.meanSignedSeconds()));
            }
        }
        md.append("\n## Round trips\n\nAn agent's accept, from sending it to routing's answer (all agents of the scenario's"
                + " group).\n\n| scenario | accept p50 ms | accept p99 ms |\n|---|---|---|\n");
        for (Result r : results) {
            md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f |%n", r.scenario().name(),
                    Stats.percentile(r.acceptTrips(), 50) * 1000, Stats.percentile(r.acceptTrips(), 99) * 1000));
        }
        Bench.write(out, md.toString());
    }

    private static String sl(Measured m) {
        return Double.isNaN(m.serviceLevelHalfWidth()) ? String.format(Locale.ROOT, "%.1f %%", m.serviceLevel() * 100)
                : String.format(Locale.ROOT, "%.1f ± %.1f %%", m.serviceLevel() * 100, m.serviceLevelHalfWidth() * 100);
    }

    private static String asa(Measured m) {
        return Double.isNaN(m.asaHalfWidth()) ? String.format(Locale.ROOT, "%.3f", m.asaSeconds())
                : String.format(Locale.ROOT, "%.3f ± %.3f", m.asaSeconds(), m.asaHalfWidth());
    }
}
