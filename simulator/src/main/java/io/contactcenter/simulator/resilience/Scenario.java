package io.contactcenter.simulator.resilience;

import io.contactcenter.devstack.DevStack;
import io.contactcenter.devstack.Eventually;
import io.contactcenter.simulator.traffic.Traffic;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The faults, each injected while simulated calls flow and undone after an outage. What a fault saw on the way (who
 * went unready, how many calls were answered meanwhile) goes into the run's notes; what must hold for it goes into
 * its problems, which must stay empty.
 */
public enum Scenario {

    ROUTING_REPLICA_KILL("kill -9 of one of two routing replicas") {
        @Override
        void inject(Fault f) {
            f.suite.kill("routing-b");
        }

        @Override
        void recover(Fault f) {
            f.suite.start("routing-b");
        }
    },
    CALLBACK_KILL("kill -9 of callback-service mid-schedule") {
        @Override
        void inject(Fault f) throws Exception {
            f.note("%d callbacks scheduled, queued or dialling at the kill", openCallbacks());
            f.suite.kill("callback");
        }

        @Override
        void recover(Fault f) {
            f.suite.start("callback");
        }
    },
    REPORTING_KILL("kill -9 of reporting-service mid-ingest") {
        @Override
        void inject(Fault f) {
            f.suite.kill("reporting");
        }

        @Override
        void recover(Fault f) {
            f.suite.start("reporting");
        }

        @Override
        boolean replays() {
            return true;
        }
    },
    BROKER_RESTART("a Kafka broker restart") {
        @Override
        void inject(Fault f) {
            DevStack.script("test-kafka-down");
        }

        @Override
        void recover(Fault f) {
            long start = System.nanoTime();
            DevStack.script("test-kafka-up");
            f.note("broker back in %.1f s", (System.nanoTime() - start) / 1e9);
        }
    },
    POSTGRES_RESTART("a PostgreSQL restart") {
        @Override
        void inject(Fault f) {
            Map<String, Long> pids = f.pids();
            f.pidsBefore.putAll(pids);
            DevStack.script("pg-down");
            List<String> unready = new ArrayList<>();
            Eventually.await("every service reports itself unready", Duration.ofSeconds(60), Duration.ofMillis(500), () -> {
                Suite.PROCESSES.stream().filter(p -> !unready.contains(p) && !f.suite.ready(p)).forEach(unready::add);
                return unready.size() == Suite.PROCESSES.size();
            });
            f.note("readiness DOWN: %d of %d processes", unready.size(), Suite.PROCESSES.size());
        }

        @Override
        void recover(Fault f) {
            DevStack.script("pg-up");
            long start = System.nanoTime();
            Eventually.await("every service ready again without a restart", Duration.ofSeconds(90), Duration.ofMillis(250),
                    () -> Suite.PROCESSES.stream().allMatch(f.suite::ready));
            f.note("readiness UP again %.1f s after PostgreSQL was", (System.nanoTime() - start) / 1e9);
            if (!f.pids().equals(f.pidsBefore)) {
                f.problem("a process was restarted: pids %s before, %s after", f.pidsBefore, f.pids());
            }
        }
    },
    CRM_DOWN("crm-service down") {
        @Override
        void inject(Fault f) {
            f.suite.kill("crm");
            f.answeredBefore = f.traffic.counters().answered.get();
        }

        @Override
        void recover(Fault f) {
            long answered = f.traffic.counters().answered.get() - f.answeredBefore;
            f.note("%d calls answered by agents while CRM was down", answered);
            if (answered == 0) {
                f.problem("no call reached an agent while CRM was down");
            }
            f.suite.start("crm");
        }
    },
    CONSUMER_STOPPED("reporting-service's consumers frozen (SIGSTOP), then resumed") {
        @Override
        void inject(Fault f) {
            f.suite.process("reporting").pause();
        }

        @Override
        void recover(Fault f) {
            f.suite.process("reporting").resume();
            double seconds = Replay.awaitCaughtUp(f.suite.group() + "-reporting", Duration.ofMinutes(5));
            f.note("caught up %.1f s after it was resumed", seconds);
        }

        @Override
        boolean replays() {
            return true;
        }

        @Override
        Duration outage(Timing timing) {
            return timing.consumerStopped();
        }
    };

    /** When the fault comes, how long it lasts, how long calls keep arriving. */
    public record Timing(Duration traffic, Duration faultAt, Duration outage, Duration consumerStopped) {

        /** What {@code ./contact-center test} runs. */
        public static Timing brief() {
            return new Timing(Duration.ofSeconds(45), Duration.ofSeconds(12), Duration.ofSeconds(10), Duration.ofSeconds(20));
        }

        /** What {@code ./contact-center bench resilience} runs. */
        public static Timing full() {
            return new Timing(Duration.ofSeconds(120), Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofMinutes(5));
        }
    }

    /** One fault's context: the suite, the traffic, and what it noticed. */
    static final class Fault {
        final Suite suite;
        final Traffic traffic;
        final List<String> notes = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        final Map<String, Long> pidsBefore = new HashMap<>();
        long answeredBefore;

        Fault(Suite suite, Traffic traffic) {
            this.suite = suite;
            this.traffic = traffic;
        }

        void note(String format, Object... args) {
            notes.add(String.format(Locale.ROOT, format, args));
        }

        void problem(String format, Object... args) {
            problems.add(String.format(Locale.ROOT, format, args));
        }

        Map<String, Long> pids() {
            Map<String, Long> out = new TreeMap<>();
            Suite.PROCESSES.forEach(p -> out.put(p, suite.process(p).pid()));
            return out;
        }
    }

    final String title;

    Scenario(String title) {
        this.title = title;
    }

    abstract void inject(Fault f) throws Exception;

    abstract void recover(Fault f) throws Exception;

    /** Whether reporting's read models are checked against a replay afterwards. */
    boolean replays() {
        return false;
    }

    Duration outage(Timing timing) {
        return timing.outage();
    }

    /** Calls keep arriving through the whole outage and a little after it. */
    Duration trafficLength(Timing timing) {
        Duration through = timing.faultAt().plus(outage(timing)).plusSeconds(15);
        return through.compareTo(timing.traffic()) > 0 ? through : timing.traffic();
    }

    private static long openCallbacks() throws Exception {
        try (Connection db = Replay.connect("cc_callback_test"); Statement sql = db.createStatement();
                ResultSet rs = sql.executeQuery("select count(*) from cb_callback where status in ('SCHEDULED', 'QUEUED', 'DIALING')")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
