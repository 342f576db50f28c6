package io.contactcenter.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.contactcenter.devstack.DevStack;
import io.contactcenter.devstack.ServiceProcess;
import io.contactcenter.devstack.Tokens;
import io.contactcenter.devstack.TopicSetup;
import io.contactcenter.events.Channel;
import io.contactcenter.events.CloudEvent;
import io.contactcenter.events.EventCodec;
import io.contactcenter.events.EventTypes;
import io.contactcenter.events.Ids;
import io.contactcenter.events.Topics;
import io.contactcenter.events.contact.ContactAnswered;
import io.contactcenter.events.contact.ContactCompleted;
import io.contactcenter.events.contact.ContactQueued;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Reporting ingest benchmark, in two phases against one reporting-service:
 * <ol>
 * <li><b>backlog</b>: contact lifecycles (queued, answered, completed) are written to {@code cc.contacts} before the
 * service reads them, then the service drains them: its ingest capacity with nothing else on the machine's cores but
 * Kafka and PostgreSQL (as after an outage, or a replay);</li>
 * <li><b>live</b>: as many lifecycles again, produced at a fixed rate while the service reads them: it sustains the rate
 * when its lag stays bounded and it is caught up right after the producer stops.</li>
 * </ol>
 * Events in = the service's inbox counter. Throughout, a wallboard-like client reads {@code /reports/realtime/queues}
 * every 50 ms, and a probe process of its own every 20 ms, and their latencies are recorded per phase.
 */
public final class ReportingBench {

    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** One phase's numbers. */
    private record Phase(String name, int events, double produceSeconds, double seconds, Cpu cpu, long maxLag,
            double drainAfterProducer, Reads reads, double serverP99Ms, double queryP99Ms, long queries) {
    }

    /** One phase's read latencies in ms: the client thread in this JVM's, and the probe process's. */
    private record Reads(List<Double> inBench, List<Double> probe) {
    }

    /**
     * CPU seconds so far (or, from {@link #since}, cores used on average) of the service, its JIT compiler threads, every
     * PostgreSQL process, the broker and this bench (producer and wallboard client), and the machine's idle time: on
     * two cores they all compete, and this split tells which of them a read waited for.
     */
    private record Cpu(double service, double jit, double postgres, double kafka, double bench, double idle) {
        static Cpu now(long servicePid) {
            return new Cpu(Machine.cpuSecondsOf(servicePid), Machine.compilerCpuSecondsOf(servicePid),
                    Machine.cpuSeconds("postgres"), Machine.cpuSeconds("kafka.Kafka"),
                    Machine.cpuSecondsOf(ProcessHandle.current().pid()), Machine.idleSeconds());
        }

        Cpu since(Cpu before, double seconds) {
            return new Cpu((service - before.service) / seconds, (jit - before.jit) / seconds,
                    (postgres - before.postgres) / seconds, (kafka - before.kafka) / seconds,
                    (bench - before.bench) / seconds, (idle - before.idle) / seconds);
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = Bench.options(args);
        RANDOM_IDS = "random".equals(opts.get("ids"));
        int contacts = Integer.parseInt(opts.getOrDefault("contacts", "50000"));
        double rate = Double.parseDouble(opts.getOrDefault("rate", "20000"));
        Path out = DevStack.root().resolve(opts.getOrDefault("out", "bench/results/reporting.md"));
        Bench.init();
        String run = Long.toString(System.currentTimeMillis(), 36);
        String group = "reporting-bench-" + run;
        TopicSetup.skipToEnd(DevStack.KAFKA_BOOTSTRAP, group);
        TOPIC = Topics.CONTACTS + ".bench-" + run;
        TopicSetup.create(DevStack.KAFKA_BOOTSTRAP, TOPIC, Topics.ALL.stream()
                .filter(t -> t.name().equals(Topics.CONTACTS)).findFirst().orElseThrow().partitions());
        EventCodec codec = new EventCodec(MAPPER, Clock.systemUTC(), "reporting-bench");
        int events = contacts * 3;
        // the JIT needs a while on two cores: the first events warm the service up and are not measured
        // the JIT needs minutes on two cores: with 30,000 warm-up contacts its C2 thread still took 40-50 % of a core
        // through both phases and the drain ran at 15,000 events/s; with 200,000 at 27,000
        int warmup = 3 * Integer.parseInt(opts.getOrDefault("warmup", "200000"));
        List<Phase> phases = new ArrayList<>();
        Reads idleReads;
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStack.KAFKA_BOOTSTRAP);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            long t0;
            produce(producer, lifecycles(codec, run + "-w", warmup / 3), Double.POSITIVE_INFINITY);
            var backlog = lifecycles(codec, run + "-b", contacts);
            var liveRecords = lifecycles(codec, run + "-l", contacts);
            // the baseline consumer's group starts where the measured events start
            t0 = System.nanoTime();
            produce(producer, backlog, Double.POSITIVE_INFINITY);
            double produceBacklog = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "backlog of %d events written in %.1f s%n", events, produceBacklog);
            Map<String, String> env = new HashMap<>(Map.of("MP_MESSAGING_INCOMING_CONTACTS_TOPIC", TOPIC,
                    "MP_MESSAGING_INCOMING_CONTACTS_GROUP_ID", group,
                    "MP_MESSAGING_INCOMING_AGENTS_GROUP_ID", group));
            // --env=NAME=value;NAME=value: service settings to compare, e.g. consumer tuning
            for (String kv : opts.getOrDefault("env", "").split(";")) {
                if (kv.contains("=")) {
                    env.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
                }
            }
            try (ServiceProcess reporting = ServiceProcess.start("reporting", env, jvm(opts))) {
                HttpClient http = HttpClient.newHttpClient();
                Wallboard wallboard = new Wallboard(http, reporting);
                wallboard.start();
                // the drain is timed once the warm-up events are in
                double done = processed(http, reporting);
                while (done < warmup) {
                    Thread.sleep(20);
                    done = processed(http, reporting);
                }
                long start = System.nanoTime();
                Cpu cpuBefore = Cpu.now(reporting.pid());
                wallboard.phase("backlog");
                String metrics = metrics(http, reporting);
                TreeMap<Double, Double> queries = queryBuckets(metrics);
                TreeMap<Double, Double> served = serverBuckets(metrics);
                long maxLag = await(http, reporting, warmup + events, start, null);
                double seconds = (System.nanoTime() - start) / 1e9;
                metrics = metrics(http, reporting);
                TreeMap<Double, Double> queriesAfter = queryBuckets(metrics);
                TreeMap<Double, Double> servedAfter = serverBuckets(metrics);
                phases.add(new Phase("backlog", warmup + events - (int) done, produceBacklog, seconds,
                        Cpu.now(reporting.pid()).since(cpuBefore, seconds), maxLag, 0, wallboard.phase("live"),
                        p99(served, servedAfter), p99(queries, queriesAfter), count(queries, queriesAfter)));
                queries = queriesAfter;
                served = servedAfter;

                start = System.nanoTime();
                cpuBefore = Cpu.now(reporting.pid());
                long[] producedAt = {0};
                Thread live = new Thread(() -> {
                    produce(producer, liveRecords, rate);
                    producedAt[0] = System.nanoTime();
                });
                live.start();
                maxLag = await(http, reporting, warmup + 2 * events, start, live);
                long end = System.nanoTime();
                live.join();
                seconds = (end - start) / 1e9;
                metrics = metrics(http, reporting);
                queriesAfter = queryBuckets(metrics);
                servedAfter = serverBuckets(metrics);
                phases.add(new Phase("live", events, (producedAt[0] - start) / 1e9, seconds,
                        Cpu.now(reporting.pid()).since(cpuBefore, seconds), maxLag, (end - producedAt[0]) / 1e9,
                        wallboard.phase(null), p99(served, servedAfter),
                        p99(queries, queriesAfter), count(queries, queriesAfter)));
                // baseline for the reads: the same client, the same endpoint, nothing being ingested
                wallboard.phase("idle");
                Thread.sleep(10_000);
                idleReads = wallboard.phase(null);
                wallboard.stop();
            }
        }
        double rawRate = rawConsume(group + "-raw", warmup + 2 * events);
        // the run's topic goes once measured: a run leaves half a gigabyte of events on the broker otherwise
        TopicSetup.delete(DevStack.KAFKA_BOOTSTRAP, TOPIC);
        StringBuilder table = new StringBuilder("| phase | events | produced in s | ingest s | events/s | max lag (events)"
                + " | caught up after producer, s | service CPU | of it JIT compiler | PostgreSQL CPU | broker CPU | bench CPU"
                + " | machine idle | probe reads | probe p50 ms | p99 ms | max ms | in-bench client p50 ms | p99 ms"
                + " | in service p99 ms (≤) | snapshot queries | query p99 ms (≤) |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Phase ph : phases) {
            double[] lat = Stats.sorted(ph.reads().inBench());
            double[] probe = Stats.sorted(ph.reads().probe());
            Cpu cpu = ph.cpu();
            table.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.0f | %d | %s | %.0f%% | %.0f%% | %.0f%%"
                    + " | %.0f%% | %.0f%% | %.0f%% | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.0f | %d | %.0f |%n",
                    ph.name(), ph.events(), ph.produceSeconds(), ph.seconds(), ph.events() / ph.seconds(), ph.maxLag(),
                    ph.name().equals("live") ? String.format(Locale.ROOT, "%.2f", ph.drainAfterProducer()) : "n/a",
                    100 * cpu.service(), 100 * cpu.jit(), 100 * cpu.postgres(), 100 * cpu.kafka(), 100 * cpu.bench(),
                    100 * cpu.idle() / Runtime.getRuntime().availableProcessors(), probe.length,
                    Stats.percentile(probe, 50), Stats.percentile(probe, 99), Stats.percentile(probe, 100),
                    Stats.percentile(lat, 50), Stats.percentile(lat, 99), ph.serverP99Ms(), ph.queries(), ph.queryP99Ms()));
            System.out.printf(Locale.ROOT, "%s: %d events in %.1f s = %.0f events/s; snapshot p50 %.1f ms, p99 %.1f ms"
                    + " (in-bench client p99 %.1f ms, in service p99 ≤ %.0f ms)%n", ph.name(), ph.events(), ph.seconds(),
                    ph.events() / ph.seconds(), Stats.percentile(probe, 50), Stats.percentile(probe, 99),
                    Stats.percentile(lat, 99), ph.serverP99Ms());
        }
        double[] idle = Stats.sorted(idleReads.probe());
        double[] idleInBench = Stats.sorted(idleReads.inBench());
        Phase backlogPhase = phases.get(0);
        Phase livePhase = phases.get(1);
        double[] liveReads = Stats.sorted(livePhase.reads().probe());
        String baselines = String.format(Locale.ROOT, "\n**Baselines, same run.** Ingest: a plain Kafka consumer in this"
                + " bench (one consumer, 500 records a poll, records read as strings, nothing decoded or written) read the"
                + " run's %d events (warm-up and both phases) from the broker at %.0f events/s; the service drained the backlog at %.0f"
                + " events/s = **%.2f × the raw consumer**. Reads: the probe on the same endpoint for 10 s after the live"
                + " phase, nothing being ingested: %d reads, p50 %.1f ms, p99 %.1f ms (in-bench client: p50 %.1f, p99"
                + " %.1f); the live phase's probe p99 is **%.2f × idle** (backlog: %.2f ×).%n",
                warmup + 2 * events, rawRate, backlogPhase.events() / backlogPhase.seconds(),
                backlogPhase.events() / backlogPhase.seconds() / rawRate, idle.length, Stats.percentile(idle, 50),
                Stats.percentile(idle, 99), Stats.percentile(idleInBench, 50), Stats.percentile(idleInBench, 99),
                Stats.percentile(liveReads, 99) / Stats.percentile(idle, 99),
                Stats.percentile(Stats.sorted(backlogPhase.reads().probe()), 99) / Stats.percentile(idle, 99));
        System.out.print(baselines);
        String md = "# Reporting ingest benchmark\n\n"
                + "Generated by `./contact-center bench reporting" + (args.length == 0 ? "" : " " + String.join(" ", args))
                + "` on " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + ".\n\n"
                + "- Machine: " + Machine.describe() + "\n"
                + "- Setup: one reporting-service (JVM `" + String.join(" ", jvm(opts)) + "`), Kafka and PostgreSQL local;"
                + " per phase " + contacts + " contact lifecycles (queued, answered, completed = " + events + " CloudEvents)"
                + " over 100 queues on a topic of the run's own shaped like `cc.contacts` (acks=all, linger 5 ms), consumed in batches through the inbox (each"
                + " event once) into `rpt_contact`, `rpt_queue_day` and `rpt_agent`.\n"
                + "- **backlog**: the events are written before the service reads them, then drained, after " + warmup
                + " warm-up events (same kind, not measured: on two cores the JIT compiles for minutes; the table shows what"
                + " its compiler threads still took); events/s"
                + " = events ÷ time from the last warm-up event in to the last event in. **live**: the producer paces itself at "
                + String.format(Locale.ROOT, "%.0f", rate) + " events/s while the service reads; events/s = events ÷ time"
                + " from the first produce to the last event in; max lag = produced − processed, sampled every 250 ms.\n"
                + "- Snapshot latency: `/reports/realtime/queues` read during each phase every 20 ms by a probe process of"
                + " its own (`ReadProbe`: serial GC, 32 MB heap; it runs on the same two cores, so the machine's scheduling"
                + " delays count), by a client thread inside this bench's JVM (which also produces the load, so that JVM's"
                + " pauses count too; every 50 ms; the only reader of earlier runs), and as the service timed it (in service p99: upper bound of the `http_server_requests_seconds` histogram bucket"
                + " of the endpoint). Readers share one snapshot, refreshed in the background once it is older than"
                + " `cc.reporting.realtime.max-age` (0.5 s), so no read waits for the database query behind it; that"
                + " query is reported apart: how many ran and their p99 (upper bound of the"
                + " `cc_reporting_realtime_query_seconds` histogram bucket).\n\n"
                + table + baselines;
        Bench.write(out, md);
        System.exit(0);
    }

    /** Polls the inbox counter until {@code total} events are in; the largest lag seen against what was produced. */
    private static long await(HttpClient http, ServiceProcess s, int total, long start, Thread producer) throws Exception {
        long maxLag = 0;
        double done = 0;
        while (done < total && System.nanoTime() - start < 900e9) {
            Thread.sleep(250);
            done = processed(http, s);
            if (producer != null) {
                maxLag = Math.max(maxLag, PRODUCED.get() - (long) done);
            }
        }
        if (done < total) {
            throw new IllegalStateException("only " + done + " of " + total + " events in after 15 minutes");
        }
        return maxLag;
    }

    /**
     * The ingest baseline: how fast a plain consumer of group {@code group} reads {@code total} records (as strings, the
     * service's first step) from the broker on this machine, from its first record to the last.
     */
    private static double rawConsume(String group, int total) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStack.KAFKA_BOOTSTRAP);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            long first = 0;
            long last = 0;
            long chars = 0;
            int read = 0;
            long deadline = System.nanoTime() + 300_000_000_000L;
            while (read < total && System.nanoTime() < deadline) {
                var records = consumer.poll(Duration.ofMillis(200));
                if (!records.isEmpty() && first == 0) {
                    first = System.nanoTime();
                }
                for (var r : records) {
                    chars += r.value().length(); // touch every record, as a consumer that uses them would
                }
                read += records.count();
                last = System.nanoTime();
            }
            if (read < total || chars == 0) {
                throw new IllegalStateException("the raw consumer read only " + read + " of " + total + " records");
            }
            return read / ((last - first) / 1e9);
        }
    }

    /**
     * The run's contact topic ({@code cc.contacts.bench-<run>}, as many partitions as {@code cc.contacts}): the bench
     * writes well over a million events a run, which on {@code cc.contacts} itself every other service's consumer group
     * (the IVR, CRM, the demo's reporting) would have to wade through before it saw a real contact again.
     */
    private static String TOPIC;

    /** Events produced so far in this run (both phases). */
    private static final AtomicLong PRODUCED = new AtomicLong();

    /**
     * Lifecycles of {@code contacts} contacts (queued, answered, completed), encoded before any clock starts: encoding
     * them while sending held the paced producer to ~9,000 events/s on this machine's two cores, below the rate the
     * live phase is meant to offer.
     */
    private static List<ProducerRecord<String, String>> lifecycles(EventCodec codec, String prefix, int contacts) {
        Instant t = Instant.now();
        List<ProducerRecord<String, String>> records = new ArrayList<>(3 * contacts);
        for (int i = 0; i < contacts; i++) {
            String id = "rb-" + prefix + "-" + i;
            String queue = "rb-q" + (i % 100);
            Instant at = t.plusMillis(i);
            records.add(record(codec, EventTypes.CONTACT_QUEUED, id, new ContactQueued(id, queue, Channel.VOICE, 1, at, at,
                    Map.of(), 1, null)));
            records.add(record(codec, EventTypes.CONTACT_ANSWERED, id, new ContactAnswered(id, queue, "a" + (i % 500),
                    (i % 40), at.plusSeconds(i % 40))));
            records.add(record(codec, EventTypes.CONTACT_COMPLETED, id, new ContactCompleted(id, queue, "a" + (i % 500),
                    120, 10, 20, at.plusSeconds(200))));
        }
        return records;
    }

    /**
     * Sends {@code records} paced at {@code eventsPerSecond} (infinite: as fast as it goes): each millisecond what is due
     * by then (20 records at 20,000/s). Parking before every record instead woke this thread 20,000 times a second, CPU
     * taken from the service under test on the same two cores; the producer's 5 ms linger batches them either way.
     */
    private static void produce(KafkaProducer<String, String> producer, List<ProducerRecord<String, String>> records,
            double eventsPerSecond) {
        long start = System.nanoTime();
        int i = 0;
        while (i < records.size()) {
            int due = eventsPerSecond == Double.POSITIVE_INFINITY ? records.size()
                    : (int) Math.min(records.size(), (System.nanoTime() - start) / 1e9 * eventsPerSecond + 1);
            for (; i < due; i++) {
                PRODUCED.incrementAndGet();
                producer.send(records.get(i));
            }
            if (i < records.size()) {
                LockSupport.parkNanos(1_000_000);
            }
        }
        producer.flush();
    }

    /**
     * Wallboard-like readers of {@code /reports/realtime/queues}, latencies kept per phase: one thread in this JVM every
     * 50 ms (which also produces the load, so its pauses count), and {@link ReadProbe} every 20 ms in a small process of
     * its own.
     */
    private static final class Wallboard {
        /**
         * The probe reads every 20 ms, so a 15 s phase gives ~700 samples: at 50 ms its p99 was the third-worst of
         * ~270 reads and moved by 7 ms between identical runs.
         */
        private static final int PROBE_PAUSE_MS = 20;
        private final HttpClient http;
        private final ServiceProcess service;
        private final String token = Tokens.bearer("supervisor");
        private final AtomicBoolean stop = new AtomicBoolean();
        private final Thread thread = new Thread(this::loop);
        private final Thread probeReader = new Thread(this::readProbe);
        private Process probe;
        private List<Double> current = null;
        private List<Double> currentProbe = null;

        Wallboard(HttpClient http, ServiceProcess service) {
            this.http = http;
            this.service = service;
        }

        void start() throws java.io.IOException {
            thread.start();
            String java = ProcessHandle.current().info().command().orElse("java");
            probe = new ProcessBuilder(java, "-XX:+UseSerialGC", "-Xmx32m", "-XX:TieredStopAtLevel=1", "-cp",
                    DevStack.root().resolve("simulator/target/classes").toString(), ReadProbe.class.getName(),
                    service.url("/reports/realtime/queues"), token, String.valueOf(PROBE_PAUSE_MS))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            probeReader.start();
        }

        /** Starts recording a new phase (null: none); returns both readers' samples of the one that ended. */
        synchronized Reads phase(String name) {
            Reads ended = new Reads(current == null ? List.of() : current, currentProbe == null ? List.of() : currentProbe);
            current = name == null ? null : new ArrayList<>();
            currentProbe = name == null ? null : new ArrayList<>();
            return ended;
        }

        private synchronized void record(double ms) {
            if (current != null) {
                current.add(ms);
            }
        }

        private synchronized void recordProbe(double ms) {
            if (currentProbe != null) {
                currentProbe.add(ms);
            }
        }

        void stop() throws InterruptedException {
            stop.set(true);
            thread.join();
            try {
                probe.getOutputStream().close();
            } catch (java.io.IOException ignored) {
                // it is gone already
            }
            probe.waitFor();
            probeReader.join();
        }

        private void loop() {
            while (!stop.get()) {
                long t0 = System.nanoTime();
                try {
                    http.send(HttpRequest.newBuilder(URI.create(service.url("/reports/realtime/queues")))
                            .header("Authorization", token).build(), HttpResponse.BodyHandlers.discarding());
                    record((System.nanoTime() - t0) / 1e6);
                    Thread.sleep(50);
                } catch (Exception e) {
                    return;
                }
            }
        }

        private void readProbe() {
            try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(probe.getInputStream()))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("status")) {
                        throw new IllegalStateException("the read probe got " + line);
                    }
                    recordProbe(Double.parseDouble(line));
                }
            } catch (java.io.IOException e) {
                // the probe ended
            }
        }
    }

    private static List<String> jvm(Map<String, String> opts) {
        List<String> extra = Bench.jvmOptions(opts);
        List<String> jvm = new ArrayList<>(List.of("-Xmx1g"));
        if (extra.stream().noneMatch(o -> o.matches("-XX:\\+Use\\w+GC"))) {
            jvm.add("-XX:+UseG1GC");
        }
        if (opts.containsKey("jfr")) {
            jvm.add("-XX:StartFlightRecording=filename=" + opts.get("jfr") + ",settings=profile");
        }
        jvm.addAll(extra);
        return jvm;
    }

    private static ProducerRecord<String, String> record(EventCodec codec, String type, String id, Object data) {
        CloudEvent event = codec.create(type, id, data);
        if (RANDOM_IDS) {
            event = new CloudEvent(event.specversion(), UUID.randomUUID().toString(), event.source(), event.type(),
                    event.time(), event.subject(), event.datacontenttype(), event.data());
        }
        return new ProducerRecord<>(TOPIC, id, codec.write(event));
    }

    /** {@code --ids=random}: events carry random (version 4) ids, as the suite's producers made before {@link Ids}. */
    private static boolean RANDOM_IDS;

    private static String metrics(HttpClient http, ServiceProcess s) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(s.url("/q/metrics"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The snapshot query histogram: bucket upper bound in seconds → cumulative count. */
    private static TreeMap<Double, Double> queryBuckets(String metrics) {
        return buckets(metrics, l -> l.startsWith("cc_reporting_realtime_query_seconds_bucket"));
    }

    /** The service's own timing of the snapshot reads (HTTP server histogram of the endpoint). */
    private static TreeMap<Double, Double> serverBuckets(String metrics) {
        return buckets(metrics, l -> l.startsWith("http_server_requests_seconds_bucket")
                && l.contains("uri=\"/reports/realtime/queues\"") && l.contains("status=\"200\""));
    }

    private static TreeMap<Double, Double> buckets(String metrics, Predicate<String> series) {
        TreeMap<Double, Double> buckets = new TreeMap<>();
        metrics.lines().filter(series).forEach(l -> {
            String le = l.substring(l.indexOf("le=\"") + 4, l.indexOf('"', l.indexOf("le=\"") + 4));
            buckets.merge(le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le),
                    Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)), Double::sum);
        });
        return buckets;
    }

    private static long count(TreeMap<Double, Double> before, TreeMap<Double, Double> after) {
        return after.isEmpty() ? 0 : (long) (after.lastEntry().getValue() - before.getOrDefault(after.lastKey(), 0.0));
    }

    /** The smallest bucket bound holding 99 % of the queries run between the two scrapes, in ms. */
    private static double p99(TreeMap<Double, Double> before, TreeMap<Double, Double> after) {
        long total = count(before, after);
        for (var bucket : after.entrySet()) {
            if (bucket.getValue() - before.getOrDefault(bucket.getKey(), 0.0) >= 0.99 * total) {
                return bucket.getKey() * 1000;
            }
        }
        return Double.NaN;
    }

    private static double processed(HttpClient http, ServiceProcess s) throws Exception {
        return metrics(http, s).lines().filter(l -> l.startsWith("cc_inbox_events_total") && l.contains("reporting.contacts")
                && l.contains("processed")).mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
