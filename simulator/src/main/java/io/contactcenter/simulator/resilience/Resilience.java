package io.contactcenter.simulator.resilience;

import io.contactcenter.devstack.Bookings;
import io.contactcenter.devstack.DevStack;
import io.contactcenter.devstack.TopicSetup;
import io.contactcenter.simulator.traffic.AfterSalesCenter;
import io.contactcenter.simulator.traffic.Api;
import io.contactcenter.simulator.traffic.Traffic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.common.TopicPartition;

/**
 * Runs a scenario under simulated traffic and draws up its accounting: the after-sales center provisioned with agents
 * and an IVR number of the run's own, calls through the IVR at {@code rate}, the fault at its time, then every caller
 * and every callback the run caused is waited for, the agents log out, and the books are read off the wire.
 */
public final class Resilience {

    /** How long the edge and the desks retry a request that met a refused connection or a 5xx. */
    static final Duration PATIENCE = Duration.ofSeconds(120);

    /** One scenario's accounting, and whatever must hold for it that did not. */
    public record Result(String name, Ledger.Books books, Bookings.Result bookings, double duplicatesAbsorbed,
            long callerErrors, long calls, List<String> notes, List<String> problems) {

        public int lost() {
            return books.unended().size();
        }

        public int doubleBookings() {
            return bookings.violations().size();
        }

        public int callbacksDispatchedTwice() {
            return books.callbacksDispatchedTwice();
        }

        public int endedTwice() {
            return books.endedTwice();
        }

        public int duplicatesOnWire() {
            return books.duplicatesOnWire();
        }

        /** Everything that must be zero or empty, said plainly; empty when the run held. */
        public List<String> failures() {
            List<String> out = new ArrayList<>(problems);
            if (lost() > 0) {
                List<String> some = books.unended().stream().limit(5)
                        .map(c -> c + " " + books.lives().get(c)).toList();
                out.add(lost() + " contacts never ended, e.g. " + some);
            }
            if (!books.openCallbacks().isEmpty()) {
                out.add(books.openCallbacks().size() + " callbacks never ended");
            }
            if (endedTwice() > 0) {
                out.add(endedTwice() + " contacts ended twice");
            }
            if (duplicatesOnWire() > 0) {
                out.add(duplicatesOnWire() + " events on the wire twice");
            }
            if (doubleBookings() > 0) {
                out.add("double bookings: " + bookings.violations().stream().limit(3).toList());
            }
            if (callbacksDispatchedTwice() > 0) {
                out.add(callbacksDispatchedTwice() + " callbacks dispatched twice");
            }
            if (books.started().isEmpty()) {
                out.add("no contact started");
            }
            return out;
        }
    }

    private Resilience() {
    }

    public static Result run(Suite suite, Scenario scenario, Scenario.Timing timing, double rate, long seed) throws Exception {
        return run(suite, scenario.title, scenario, timing, scenario.trafficLength(timing), rate, seed, null, Duration.ofSeconds(15));
    }

    /**
     * Traffic for {@code length} and its accounting; {@code scenario} (null: none) strikes at {@code timing}'s time.
     * {@code sampler} (null: none) is called every {@code every} while calls arrive.
     */
    static Result run(Suite suite, String name, Scenario scenario, Scenario.Timing timing, Duration length, double rate,
            long seed, Consumer<Traffic> sampler, Duration every) throws Exception {
        Random random = new Random(seed);
        String label = scenario == null ? name.replaceAll("[^A-Za-z0-9]+", "-") : scenario.name().toLowerCase(Locale.ROOT).replace('_', '-');
        String tag = label + "-" + Long.toString(System.currentTimeMillis(), 36);
        String number = "+494099" + (1_000_000 + random.nextInt(8_999_999));
        String agentPrefix = "rs-" + tag + "-";
        List<String> topics = Stream.concat(Ledger.TOPICS.stream(), Replay.READ_BY_REPORTING.stream())
                .distinct().toList();
        Map<TopicPartition, Long> from = TopicSetup.ends(DevStack.KAFKA_BOOTSTRAP, topics);
        Api api = suite.api(PATIENCE);
        AfterSalesCenter.Provisioned center = AfterSalesCenter.provision(api, agentPrefix,
                20_000_000 + random.nextInt(70_000_000), number, 40, 1, 5);
        double absorbedBefore = suite.duplicatesAbsorbed();
        Traffic.Plan plan = new Traffic.Plan(List.of(Traffic.Stream.ivr(number, rate)), center.agents(), 5,
                Traffic.Handling.LOG_NORMAL, 0.5, 10, 0.03, 0.02, 0.5, 2, Traffic.RateProfile.FLAT,
                center.customerNumbers(), seed);
        Traffic traffic = new Traffic(api, plan, false);
        Scenario.Fault fault = new Scenario.Fault(suite, traffic);
        Throwable[] faultFailure = {null};
        try (traffic; Ledger ledger = new Ledger(from, number)) {
            traffic.startDesks();
            Thread faults = new Thread(() -> {
                if (scenario == null) {
                    return;
                }
                try {
                    Thread.sleep(timing.faultAt().toMillis());
                    log(label, "fault: " + scenario.title);
                    scenario.inject(fault);
                    Thread.sleep(scenario.outage(timing).toMillis());
                    log(label, "recovering");
                    scenario.recover(fault);
                } catch (Throwable t) {
                    faultFailure[0] = t;
                }
            }, "fault-" + label);
            faults.start();
            traffic.run(length, every, t -> {
                log(label, progress(t));
                if (sampler != null) {
                    sampler.accept(t);
                }
            });
            faults.join();
            if (faultFailure[0] != null) {
                fault.problem("the fault itself failed: %s", faultFailure[0]);
            }
            log(label, "last calls placed; waiting for callers and callbacks to end");
            if (!traffic.awaitCallers(Duration.ofMinutes(5))) {
                fault.problem("callers still on the line 5 minutes after the last arrival");
            }
            Ledger.Books books = ledger.read();
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (!books.settled() && System.nanoTime() < deadline) {
                Thread.sleep(1000);
                books = ledger.read();
            }
            traffic.closeDesks();
            Thread.sleep(1000);
            books = ledger.read();
            Bookings.Result bookings;
            try (Connection routing = Replay.connect("cc_routing_test")) {
                bookings = Bookings.check(routing, agentPrefix + "%");
            }
            if (scenario != null && scenario.replays()) {
                Replay.Comparison same = Replay.compare(suite, from, tag, books.started(), books.callbacks(), agentPrefix + "%");
                fault.note("read models against a replay: %d rows compared, %d tables differ", same.rows(),
                        same.differences().size());
                if (same.rows() == 0) {
                    fault.problem("the replay comparison found no rows of the run to compare");
                }
                same.differences().forEach(d -> fault.problem("replay differs: %s", d));
            }
            writeLives(tag, books);
            Result result = new Result(name, books, bookings, suite.duplicatesAbsorbed() - absorbedBefore,
                    traffic.counters().errors.get(), traffic.counters().arrived.get(), fault.notes, fault.problems);
            log(label, "done: " + row(result));
            return result;
        }
    }

    /** Every contact of the run with how it ended and the events of its life, for whoever reads a failed run. */
    private static void writeLives(String tag, Ledger.Books books) throws IOException {
        Path out = DevStack.root().resolve("simulator/target/resilience/" + tag + ".txt");
        Files.createDirectories(out.getParent());
        StringBuilder text = new StringBuilder();
        books.started().stream().sorted().forEach(c -> text.append(c).append(' ').append(books.ends().get(c)).append(' ')
                .append(books.lives().get(c)).append('\n'));
        Files.writeString(out, text);
    }

    /** The accounting table's header, in the order of {@link #row}. */
    public static String header() {
        String ends = Arrays.stream(Ledger.End.values()).map(e -> e.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .collect(Collectors.joining(" | "));
        return "| scenario | calls | contacts started | " + ends + " | lost | ended twice | duplicates on the wire"
                + " | duplicates absorbed | double bookings | callbacks dispatched twice | caller errors |\n"
                + "|---|" + "---:|".repeat(Ledger.End.values().length + 10) + "\n";
    }

    public static String row(Result r) {
        String ends = r.books().byEnd().values().stream().map(String::valueOf).collect(Collectors.joining(" | "));
        return String.format(Locale.ROOT, "| %s | %d | %d | %s | %d | %d | %d | %.0f | %d | %d | %d |", r.name(), r.calls(),
                r.books().started().size(), ends, r.lost(), r.endedTwice(), r.duplicatesOnWire(), r.duplicatesAbsorbed(),
                r.doubleBookings(), r.callbacksDispatchedTwice(), r.callerErrors());
    }

    private static String progress(Traffic t) {
        Traffic.Counters c = t.counters();
        return String.format(Locale.ROOT, "%3.0f s calls %d answered %d abandoned %d completed %d errors %d", t.now(),
                c.arrived.get(), c.answered.get(), c.abandoned.get(), c.completed.get(), c.errors.get());
    }

    static void log(String label, String message) {
        System.err.println("[resilience " + label + "] " + message);
    }
}
