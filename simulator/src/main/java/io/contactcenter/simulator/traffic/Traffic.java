package io.contactcenter.simulator.traffic;

import io.contactcenter.simulator.Stats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Calls and agents against a running suite, only through its public APIs. Callers arrive as a Poisson process per
 * stream (its rate shaped over the run by a {@link RateProfile}), go straight to a queue or through an IVR number,
 * and wait with an exponential patience; agents work their offers at their desks. Times may be scaled (an AHT of 2 s):
 * queueing results depend only on the load and on times relative to the AHT.
 */
public final class Traffic implements AutoCloseable {

    /** Where a stream of calls enters: a queue directly, or a number bound to an IVR flow. */
    public record Stream(String name, double callsPerSecond, String queueId, String ivrNumber, int priority) {

        public static Stream direct(String queueId, double callsPerSecond, int priority) {
            return new Stream(queueId, callsPerSecond, queueId, null, priority);
        }

        public static Stream ivr(String number, double callsPerSecond) {
            return new Stream(number, callsPerSecond, null, number, 0);
        }
    }

    /** The shape of handle times around their mean. */
    public enum Handling { EXPONENTIAL, LOG_NORMAL }

    /** Arrival rate over the run, as a factor of the stream's mean rate. */
    public enum RateProfile {
        /** The same rate throughout. */
        FLAT,
        /** A working day squeezed into the run: a morning peak, a lunch dip, a smaller afternoon peak, a quiet end. */
        DAY;

        private static final double[] DAY_SHAPE = {0.6, 1.3, 1.5, 0.8, 1.2, 1.0, 0.6};

        double factor(double fractionOfRun) {
            if (this == FLAT) {
                return 1;
            }
            int i = (int) Math.min(DAY_SHAPE.length - 1, Math.max(0, fractionOfRun * DAY_SHAPE.length));
            return DAY_SHAPE[i];
        }

        double peak() {
            return this == FLAT ? 1 : 1.5;
        }
    }

    /**
     * What to simulate.
     *
     * @param handleSeconds mean handle time (talk), the AHT the agents produce
     * @param handleSpread σ of the log-normal handle time (ignored for exponential)
     * @param patienceSeconds mean of the callers' exponential patience; 0 or less: callers never hang up
     * @param rejectShare offers an agent rejects
     * @param ringOutShare offers an agent lets ring out (away from the desk), then comes back
     * @param callbackShare IVR callers on hold who take a callback when offered one
     * @param holdPollSeconds how often the edge comes back to the IVR for hold treatment
     * @param callerNumbers numbers callers call from (the CRM's customers, say); others are made up
     */
    public record Plan(List<Stream> streams, List<String> agents, double handleSeconds, Handling handling,
            double handleSpread, double patienceSeconds, double rejectShare, double ringOutShare, double callbackShare,
            double holdPollSeconds, RateProfile profile, List<String> callerNumbers, long seed) {

        double handleTime(Random random) {
            if (handling == Handling.LOG_NORMAL) {
                // mean of a log-normal is exp(μ + σ²/2): choose μ so the mean is the AHT
                double mu = Math.log(handleSeconds) - handleSpread * handleSpread / 2;
                return Math.exp(mu + handleSpread * random.nextGaussian());
            }
            return exponential(random, handleSeconds);
        }

        double patience(Random random) {
            return patienceSeconds <= 0 ? Double.POSITIVE_INFINITY : exponential(random, patienceSeconds);
        }

        private static double exponential(Random random, double mean) {
            return -mean * Math.log(1 - random.nextDouble());
        }
    }

    /** Running tallies, for the progress line and the summary. */
    public static final class Counters {
        public final AtomicLong arrived = new AtomicLong();
        public final AtomicLong finished = new AtomicLong();
        public final AtomicLong enqueued = new AtomicLong();
        public final AtomicLong overflowed = new AtomicLong();
        public final AtomicLong endedInIvr = new AtomicLong();
        public final AtomicLong answered = new AtomicLong();
        public final AtomicLong completed = new AtomicLong();
        public final AtomicLong abandoned = new AtomicLong();
        public final AtomicLong rejects = new AtomicLong();
        public final AtomicLong ringOuts = new AtomicLong();
        public final AtomicLong lateAccepts = new AtomicLong();
        public final AtomicLong callbacksBooked = new AtomicLong();
        public final AtomicLong returnedCalls = new AtomicLong();
        public final AtomicLong callbacksAnswered = new AtomicLong();
        public final AtomicLong surveys = new AtomicLong();
        public final AtomicLong errors = new AtomicLong();
    }

    private final Api api;
    private final Plan plan;
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final long origin = System.nanoTime();
    private final Map<String, Call> calls = new ConcurrentHashMap<>();
    private final Counters counters = new Counters();
    private final List<AgentDesk> desks = new ArrayList<>();
    private final ExecutorService callers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "caller");
        t.setDaemon(true);
        return t;
    });
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, List<Double>> busy = new ConcurrentHashMap<>();
    private final List<Double> acceptTrips = Collections.synchronizedList(new ArrayList<>());
    private final List<Double> completeTrips = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong ids = new AtomicLong();
    private final boolean verbose;

    public Traffic(Api api, Plan plan, boolean verbose) {
        this.api = api;
        this.plan = plan;
        this.verbose = verbose;
    }

    /** Agents log in and open their offer streams. */
    public void startDesks() {
        long seed = plan.seed();
        for (String agent : plan.agents()) {
            AgentDesk desk = new AgentDesk(this, agent, ++seed);
            desk.start();
            desks.add(desk);
        }
    }

    /**
     * Calls arrive for {@code length}; {@code progress} is told every {@code every}. Returns when the last arrival
     * is placed; callers still waiting carry on.
     */
    public void run(Duration length, Duration every, Consumer<Traffic> progress) throws InterruptedException {
        double seconds = length.toMillis() / 1000.0;
        double start = now();
        List<Thread> arrivals = new ArrayList<>();
        long seed = plan.seed() * 31;
        for (Stream stream : plan.streams()) {
            Random random = new Random(++seed);
            arrivals.add(daemon("arrivals-" + stream.name(), () -> arrivals(stream, random, start, seconds)));
        }
        double nextReport = start + every.toMillis() / 1000.0;
        while (now() < start + seconds) {
            Thread.sleep(100);
            if (now() >= nextReport) {
                progress.accept(this);
                nextReport += every.toMillis() / 1000.0;
            }
        }
        for (Thread t : arrivals) {
            t.join();
        }
    }

    private void arrivals(Stream stream, Random random, double start, double seconds) {
        // a non-homogeneous Poisson process by thinning: candidates at the peak rate, kept in proportion to the profile
        double peak = stream.callsPerSecond() * plan.profile().peak();
        double t = start;
        while (true) {
            t += -Math.log(1 - random.nextDouble()) / peak;
            if (t >= start + seconds) {
                return;
            }
            double keep = stream.callsPerSecond() * plan.profile().factor((t - start) / seconds) / peak;
            if (random.nextDouble() >= keep) {
                continue;
            }
            long wait = (long) ((t - now()) * 1000);
            if (wait > 0) {
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException e) {
                    return;
                }
            }
            String number = random.nextDouble() < 0.85 && !plan.callerNumbers().isEmpty()
                    ? plan.callerNumbers().get(random.nextInt(plan.callerNumbers().size()))
                    : "+4930" + (20_000_000 + random.nextInt(9_000_000));
            long callerSeed = random.nextLong();
            callers.execute(stream.ivrNumber() != null ? new IvrCaller(this, callerSeed, number, stream.ivrNumber())
                    : new DirectCaller(this, callerSeed, number, stream.queueId(), stream.priority()));
        }
    }

    /**
     * Ends the run: waits (at most {@code drain}) for every caller to be answered and handled or to hang up, then agents
     * take no new offers, finish what they hold and log out. True when everything ended within the time.
     */
    public boolean finish(Duration drain) throws InterruptedException {
        boolean drained = awaitCallers(drain);
        closeDesks();
        return drained;
    }

    /** No new calls; waits (at most {@code drain}) for every caller to end. True when all did. */
    public boolean awaitCallers(Duration drain) throws InterruptedException {
        callers.shutdown();
        return callers.awaitTermination(drain.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Agents take no new offers, finish what they hold and log out. */
    public void closeDesks() throws InterruptedException {
        for (AgentDesk desk : desks) {
            desk.stopAccepting();
        }
        for (AgentDesk desk : desks) {
            desk.close();
        }
    }

    @Override
    public void close() {
        callers.shutdownNow();
    }

    /** How the contacts our callers made ended, for those that did (ended callers only). */
    public List<Outcome> outcomes() {
        List<Outcome> out = new ArrayList<>();
        for (Call call : calls.values()) {
            Outcome o = call.fromCaller() ? call.outcome() : null;
            if (o != null) {
                out.add(o);
            }
        }
        return out;
    }

    /** Contacts the agents answered that were already waiting when the run began (not ours, not returned calls). */
    public long foreignAnswered() {
        return calls.values().stream().filter(Call::answeredForeign).count();
    }

    public Counters counters() {
        return counters;
    }

    public List<String> errors() {
        return List.copyOf(errors);
    }

    /** Agent time per contact of {@code queueId} from accept to completion, in seconds. */
    public double[] busyTimes(String queueId) {
        return sorted(busy.getOrDefault(queueId, List.of()));
    }

    public double[] acceptRoundTrips() {
        return sorted(acceptTrips);
    }

    public double[] completeRoundTrips() {
        return sorted(completeTrips);
    }

    public Plan plan() {
        return plan;
    }

    Api api() {
        return api;
    }

    /** Seconds since the simulation started. */
    public double now() {
        return (System.nanoTime() - origin) / 1e9;
    }

    Call call(String contactId) {
        return calls.computeIfAbsent(contactId, Call::new);
    }

    String newContactId() {
        return "sim-" + run + "-" + ids.incrementAndGet();
    }

    void busy(String queueId, double seconds) {
        busy.computeIfAbsent(queueId, q -> Collections.synchronizedList(new ArrayList<>())).add(seconds);
    }

    void acceptRoundTrip(double seconds) {
        acceptTrips.add(seconds);
    }

    void completeRoundTrip(double seconds) {
        completeTrips.add(seconds);
    }

    void error(String message) {
        counters.errors.incrementAndGet();
        if (errors.size() < 100) {
            errors.add(message);
        }
        System.err.println("[simulator] " + message);
    }

    void note(String message) {
        if (verbose) {
            System.err.println("[simulator] " + message);
        }
    }

    /** Sleeps; an interrupt ends the sleep and stays set for the caller's loop to see. */
    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static double[] sorted(List<Double> values) {
        synchronized (values) {
            return Stats.sorted(values);
        }
    }
}
