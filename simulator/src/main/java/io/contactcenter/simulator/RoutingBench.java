package io.contactcenter.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.contactcenter.devstack.DevStack;
import io.contactcenter.devstack.ServiceProcess;
import io.contactcenter.devstack.Tokens;
import io.contactcenter.events.Channel;
import io.contactcenter.events.EventCodec;
import io.contactcenter.events.EventTypes;
import io.contactcenter.events.Topics;
import io.contactcenter.events.routing.EnqueueCommand;
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
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Routing benchmark (issue: routing ACD). Starts the packaged routing-service, provisions agents over queues
 * with a skill mix through the REST API, then enqueues contacts through Kafka ({@code cc.routing.commands})
 * at increasing rates. Offer latency = {@code offeredAt} of the {@code contact.offered} event minus the
 * moment the bench produced the command. In the same run, a raw Kafka produce→consume round trip on the same
 * broker at the same rates is the baseline; routing is reported as a ratio to it.
 *
 * <p>Agents take chats (capacity 50 each) and never answer, so the run measures routing alone; the
 * accept/complete path is exercised by the tests and the simulator.
 */
public final class RoutingBench {

    private static final String RAW_TOPIC = "cc.bench.raw";
    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    record Step(int rate, int sent, double sendSeconds, int offered, double offersPerSecond, double[] latencies,
            double[] raw, Map<String, Double> cpu, double passes, double passMeanMs, double[] queuedLatencies) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        int agents = Integer.parseInt(opts.getOrDefault("agents", "2000"));
        int queues = Integer.parseInt(opts.getOrDefault("queues", "50"));
        int seconds = Integer.parseInt(opts.getOrDefault("seconds", "20"));
        List<Integer> rates = new ArrayList<>();
        for (String r : opts.getOrDefault("rates", "250,500,1000,1500").split(",")) {
            rates.add(Integer.parseInt(r.trim()));
        }
        Path out = DevStack.root().resolve(opts.getOrDefault("out", "bench/results/routing.md"));

        Bench.init();
        ensureRawTopic();

        String run = Long.toString(System.currentTimeMillis(), 36);
        List<String> jvm = new ArrayList<>(List.of("-Xmx1g", "-XX:+UseG1GC"));
        if (opts.containsKey("jfr")) {
            // profile the service: jfr print --events jdk.ExecutionSample <file>
            jvm.add("-XX:StartFlightRecording=filename=" + opts.get("jfr") + ",settings=profile");
        }
        List<Step> steps = new ArrayList<>();
        Map<String, String> env = new HashMap<>(Map.of("CC_ROUTING_MAX_MISSED_OFFERS", "1000000"));
        if (opts.containsKey("pass-delay")) {
            env.put("CC_ROUTING_PASS_DELAY", opts.get("pass-delay"));
        }
        try (ServiceProcess routing = ServiceProcess.start("routing", env, jvm)) {
            System.out.printf("routing-service up on port %d; provisioning %d agents over %d queues%n", routing.port,
                    agents, queues);
            Random rnd = new Random(42);
            List<String> queueIds = provision(routing, run, agents, queues, rnd);
            EventCodec codec = new EventCodec(MAPPER, Clock.systemUTC(), "routing-bench");
            try (KafkaProducer<String, String> producer = producer()) {
                // JIT, connection pools and caches warm up on traffic that is not reported
                System.out.println("warming up (20 s at 300/s, not reported)");
                routingStep(routing, producer, codec, run + "-warm", 300, 20, queueIds, rnd, new double[0]);
                for (int i = 0; i < rates.size(); i++) {
                    int rate = rates.get(i);
                    double[] raw = rawRoundTrip(producer, rate, Math.min(seconds, 10));
                    Step step = routingStep(routing, producer, codec, run + "-s" + i, rate, seconds, queueIds, rnd, raw);
                    steps.add(step);
                    System.out.printf("rate %5d/s: offers %7.1f/s  p50 %6.1f ms  p99 %7.1f ms  (raw kafka p50 %5.1f ms)%n",
                            rate, step.offersPerSecond(), Stats.percentile(step.latencies(), 50),
                            Stats.percentile(step.latencies(), 99), Stats.percentile(raw, 50));
                }
            }
        }
        write(out, steps, agents, queues, seconds, String.join(" ", args));
        System.out.println("wrote " + out);
        System.exit(0);
    }

    private static List<String> provision(ServiceProcess routing, String run, int agents, int queues, Random rnd)
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String admin = Tokens.bearer("admin");
        List<String> queueIds = new ArrayList<>();
        String[] strategies = {"LONGEST_IDLE", "ROUND_ROBIN", "BEST_SKILL_MATCH", "FEWEST_CONTACTS", "TOP_DOWN"};
        for (int q = 0; q < queues; q++) {
            String id = "bench-" + run + "-q" + q;
            send(http, routing, "PUT", "/routing/queues/" + id, admin,
                    "{\"strategy\":\"" + strategies[q % strategies.length] + "\",\"offerTimeoutSeconds\":600}");
            queueIds.add(id);
        }
        Semaphore inFlight = new Semaphore(16);
        List<java.util.concurrent.CompletableFuture<?>> all = new ArrayList<>();
        for (int a = 0; a < agents; a++) {
            String id = "bench-" + run + "-a" + a;
            StringBuilder skills = new StringBuilder();
            for (int s = 0; s < 3; s++) {
                skills.append(s == 0 ? "" : ",").append("\"s").append(rnd.nextInt(10)).append("\":").append(1 + rnd.nextInt(5));
            }
            StringBuilder memberships = new StringBuilder();
            int count = 1 + rnd.nextInt(3);
            java.util.Set<String> picked = new java.util.LinkedHashSet<>();
            while (picked.size() < count) {
                picked.add(queueIds.get(rnd.nextInt(queueIds.size())));
            }
            for (String q : picked) {
                memberships.append(memberships.isEmpty() ? "" : ",").append("\"").append(q)
                        .append("\":{\"level\":").append(1 + rnd.nextInt(3)).append(",\"penalty\":0,\"weight\":1}");
            }
            String profile = "{\"skills\":{" + skills + "},\"queues\":{" + memberships + "},\"capacity\":{\"VOICE\":1,\"CHAT\":50}}";
            inFlight.acquire();
            all.add(sendAsync(http, routing, "PUT", "/routing/agents/" + id, admin, profile)
                    .thenCompose(r -> sendAsync(http, routing, "POST", "/routing/agents/" + id + "/state",
                            Tokens.agent(id), "{\"state\":\"AVAILABLE\"}"))
                    .whenComplete((r, e) -> inFlight.release()));
        }
        java.util.concurrent.CompletableFuture.allOf(all.toArray(new java.util.concurrent.CompletableFuture[0]))
                .get(10, TimeUnit.MINUTES);
        return queueIds;
    }

    private static Step routingStep(ServiceProcess routing, KafkaProducer<String, String> producer, EventCodec codec,
            String prefix, int rate, int seconds, List<String> queueIds, Random rnd, double[] raw) throws Exception {
        Map<String, Double> latency = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        Map<String, Double> toQueued = new ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicLong lastOfferNanos = new java.util.concurrent.atomic.AtomicLong();
        Thread collector = collector(Topics.CONTACTS, prefix, stop, (record, receivedAtMicros) -> {
            boolean offeredEvent = record.value().contains(EventTypes.CONTACT_OFFERED);
            boolean queuedEvent = record.value().contains(EventTypes.CONTACT_QUEUED);
            if (!offeredEvent && !queuedEvent) {
                return;
            }
            JsonNode event = MAPPER.readTree(record.value());
            long sent = Long.parseLong(event.at("/data/attributes/sentAtMicros").asText());
            Instant at = Instant.parse(event.at(offeredEvent ? "/data/offeredAt" : "/data/queuedAt").asText());
            long atMicros = at.getEpochSecond() * 1_000_000 + at.getNano() / 1000;
            (offeredEvent ? latency : toQueued).put(record.key(), (atMicros - sent) / 1000.0);
            if (offeredEvent) {
                lastOfferNanos.accumulateAndGet(System.nanoTime(), Math::max);
            }
        });
        Map<String, Double> cpuBefore = cpu(routing);
        double[] passBefore = passes(routing);
        int total = rate * seconds;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            pace(start, i, rate);
            String id = prefix + "-" + i;
            Map<String, Integer> skills = rnd.nextBoolean() ? Map.of() : Map.of("s" + rnd.nextInt(10), 1 + rnd.nextInt(2));
            EnqueueCommand command = new EnqueueCommand(id, queueIds.get(rnd.nextInt(queueIds.size())), Channel.CHAT,
                    rnd.nextInt(3), skills, Map.of("sentAtMicros", Long.toString(nowMicros()), "intent", "bench"),
                    null, null, null);
            producer.send(new ProducerRecord<>(Topics.ROUTING_COMMANDS, id,
                    codec.write(codec.create(EventTypes.ROUTING_ENQUEUE, id, command))));
        }
        producer.flush();
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        // wait for the stragglers; stop early once nothing has arrived for 5 s (no agent can take the rest)
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (latency.size() < total && System.nanoTime() < deadline
                && System.nanoTime() - Math.max(lastOfferNanos.get(), start) < TimeUnit.SECONDS.toNanos(5)) {
            Thread.sleep(100);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        Map<String, Double> cpuAfter = cpu(routing);
        double[] passAfter = passes(routing);
        double passCount = passAfter[0] - passBefore[0];
        double passMeanMs = passCount == 0 ? 0 : (passAfter[1] - passBefore[1]) * 1000 / passCount;
        stop.set(true);
        collector.join();
        Map<String, Double> cpuShare = new HashMap<>();
        cpuAfter.forEach((k, v) -> cpuShare.put(k, (v - cpuBefore.get(k)) / elapsed));
        double[] sorted = Stats.sorted(latency.values());
        // throughput over the span that produced offers, not the wait for contacts no agent could take
        double span = Math.max(sendSeconds, (lastOfferNanos.get() - start) / 1e9);
        return new Step(rate, total, sendSeconds, latency.size(), latency.size() / span, sorted, raw, cpuShare,
                passCount / elapsed, passMeanMs, Stats.sorted(toQueued.values()));
    }

    /** Produce→consume round trip of plain records on the same broker, paced like the routing step. */
    static double[] rawRoundTrip(KafkaProducer<String, String> producer, int rate, int seconds) throws Exception {
        String prefix = "raw-" + System.nanoTime();
        Map<String, Double> latency = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        Thread collector = collector(RAW_TOPIC, prefix, stop, (record, receivedAtMicros) ->
                latency.put(record.key(), (receivedAtMicros - Long.parseLong(record.value())) / 1000.0));
        int total = rate * seconds;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            pace(start, i, rate);
            producer.send(new ProducerRecord<>(RAW_TOPIC, prefix + "-" + i, Long.toString(nowMicros())));
        }
        producer.flush();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (latency.size() < total && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        stop.set(true);
        collector.join();
        return Stats.sorted(latency.values());
    }

    @FunctionalInterface
    interface RecordHandler {
        void accept(ConsumerRecord<String, String> record, long receivedAtMicros) throws Exception;
    }

    /** Reads {@code topic} from its current end on a thread until stopped, handing matching records over. */
    private static Thread collector(String topic, String prefix, AtomicBoolean stop, RecordHandler handler)
            throws InterruptedException {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStack.KAFKA_BOOTSTRAP);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"); // as the services read
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(i -> new TopicPartition(topic, i.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        Thread t = new Thread(() -> {
            try (consumer) {
                while (!stop.get()) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(20))) {
                        long now = nowMicros();
                        if (r.key() != null && r.key().startsWith(prefix)) {
                            try {
                                handler.accept(r, now);
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        }
                    }
                }
            }
        }, "collector-" + topic);
        t.start();
        return t;
    }

    static KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStack.KAFKA_BOOTSTRAP);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    static void ensureRawTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", DevStack.KAFKA_BOOTSTRAP))) {
            if (!admin.listTopics().names().get().contains(RAW_TOPIC)) {
                admin.createTopics(List.of(new NewTopic(RAW_TOPIC, 6, (short) 1))).all().get();
            }
        }
    }

    static void pace(long start, int i, int rate) throws InterruptedException {
        long due = start + (long) (i * 1e9 / rate);
        long wait = due - System.nanoTime();
        if (wait > 200_000) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
    }

    private static Map<String, Double> cpu(ServiceProcess routing) {
        Map<String, Double> cpu = new HashMap<>();
        cpu.put("routing-service", Machine.cpuSecondsOf(routing.pid()));
        cpu.put("postgres", Machine.cpuSeconds("postgres"));
        cpu.put("kafka", Machine.cpuSeconds("kafka.Kafka"));
        cpu.put("bench", Machine.cpuSecondsOf(ProcessHandle.current().pid()));
        return cpu;
    }

    /** Routing passes so far: count and total seconds, from the service's Prometheus endpoint. */
    private static double[] passes(ServiceProcess routing) {
        try {
            String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(routing.url("/q/metrics")))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            double count = 0;
            double sum = 0;
            for (String line : metrics.lines().toList()) {
                if (line.startsWith("cc_routing_pass_seconds_count")) {
                    count = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                } else if (line.startsWith("cc_routing_pass_seconds_sum")) {
                    sum = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            return new double[] {count, sum};
        } catch (Exception e) {
            return new double[] {Double.NaN, Double.NaN};
        }
    }

    private static void send(HttpClient http, ServiceProcess s, String method, String path, String auth, String body)
            throws Exception {
        HttpResponse<String> r = http.send(request(s, method, path, auth, body), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    private static java.util.concurrent.CompletableFuture<HttpResponse<String>> sendAsync(HttpClient http,
            ServiceProcess s, String method, String path, String auth, String body) {
        return http.sendAsync(request(s, method, path, auth, body), HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> {
                    if (r.statusCode() >= 300) {
                        throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
                    }
                    return r;
                });
    }

    private static HttpRequest request(ServiceProcess s, String method, String path, String auth, String body) {
        return HttpRequest.newBuilder(URI.create(s.url(path))).header("Authorization", auth)
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opts = Bench.options(args);
        return opts;
    }

    private static void write(Path out, List<Step> steps, int agents, int queues, int seconds, String args)
            throws Exception {
        StringBuilder md = new StringBuilder();
        md.append("# Routing benchmark\n\n");
        md.append("Generated by `./contact-center bench routing").append(args.isBlank() ? "" : " " + args).append("` on ")
                .append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append(".\n\n");
        md.append("- Machine: ").append(Machine.describe()).append("\n");
        md.append("- Setup: one routing-service (JVM `-Xmx1g -XX:+UseG1GC`), ").append(agents).append(" agents over ")
                .append(queues).append(" queues (1–3 memberships each, 3 of 10 skills at levels 1–5, chat capacity 50),"
                        + " Kafka broker and PostgreSQL local on the same machine as the load generator.\n");
        md.append("- Load: `routing.enqueue` commands produced to `cc.routing.commands` at each rate for ").append(seconds)
                .append(" s (chat contacts, random queue, half with one required skill at level 1–2, priority 0–2).\n");
        md.append("- Offer latency: `offeredAt` in `contact.offered` minus the produce time (same clock). It covers the Kafka"
                + " hop, the batched enqueue transaction, the routing pass and the offer commit.\n");
        md.append("- Baseline: plain records produced and consumed on the same broker at the same rate (same producer"
                + " settings: acks=all, idempotent, linger 1 ms), measured just before each routing step.\n\n");
        md.append("| target rate/s | sent | offered | offers/s | p50 ms | p90 ms | p99 ms | max ms | raw Kafka p50 ms | raw p99 ms |"
                + " p50 ratio | p99 ratio | passes/s | mean pass ms | CPU routing | CPU postgres | CPU kafka | CPU bench |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Step s : steps) {
            double p50 = Stats.percentile(s.latencies(), 50);
            double p99 = Stats.percentile(s.latencies(), 99);
            double r50 = Stats.percentile(s.raw(), 50);
            double r99 = Stats.percentile(s.raw(), 99);
            md.append(String.format(Locale.ROOT, "| %d | %d | %d | %.0f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f× | %.1f× | %.0f | %.1f | %.0f%% | %.0f%% | %.0f%% | %.0f%% |%n",
                    s.rate(), s.sent(), s.offered(), s.offersPerSecond(), p50, Stats.percentile(s.latencies(), 90), p99,
                    Stats.percentile(s.latencies(), 100), r50, r99, p50 / r50, p99 / r99, s.passes(), s.passMeanMs(),
                    100 * s.cpu().get("routing-service"), 100 * s.cpu().get("postgres"), 100 * s.cpu().get("kafka"),
                    100 * s.cpu().get("bench")));
        }
        md.append("\nWhere the time goes (ms): produce → contact queued (`queuedAt`, Kafka hop + batched enqueue"
                + " transaction) and the rest, queued → offered (wait for and run the routing pass):\n\n");
        md.append("| target rate/s | to queued p50 | to queued p99 | queued→offered p50 (approx.) | queued→offered p99 (approx.) |\n");
        md.append("|---|---|---|---|---|\n");
        for (Step s : steps) {
            double q50 = Stats.percentile(s.queuedLatencies(), 50);
            double q99 = Stats.percentile(s.queuedLatencies(), 99);
            md.append(String.format(Locale.ROOT, "| %d | %.1f | %.1f | %.1f | %.1f |%n", s.rate(), q50, q99,
                    Stats.percentile(s.latencies(), 50) - q50, Stats.percentile(s.latencies(), 99) - q99));
        }
        md.append("\nCPU columns: CPU time used during the step divided by its wall time (100% = one core; the machine has ")
                .append(Runtime.getRuntime().availableProcessors()).append(").\n");
        Bench.write(out, md.toString());
    }
}
