package io.contactcenter.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.contactcenter.devstack.DevStack;
import io.contactcenter.devstack.ServiceProcess;
import io.contactcenter.devstack.Tokens;
import io.contactcenter.devstack.TopicSetup;
import io.contactcenter.events.Channel;
import io.contactcenter.events.EventCodec;
import io.contactcenter.events.EventTypes;
import io.contactcenter.events.Topics;
import io.contactcenter.events.contact.ContactAbandoned;
import io.contactcenter.events.contact.ContactArrived;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Callback benchmark. Precision: N callbacks (default 10,000) booked through the API, due spread over a minute;
 * lateness = hand-over to routing (the {@code routing.enqueue} in the outbox) − due time, from the attempts table.
 * Abandoned calls: M pairs of contact.arrived + contact.abandoned produced to {@code cc.contacts} as fast as one
 * producer goes; throughput = automatic callbacks created per second until all are in.
 */
public final class CallbackBench {

    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = Bench.options(args);
        int scheduled = Integer.parseInt(opts.getOrDefault("callbacks", "10000"));
        int abandoned = Integer.parseInt(opts.getOrDefault("abandoned", "5000"));
        int spreadSeconds = Integer.parseInt(opts.getOrDefault("spread", "60"));
        Path out = DevStack.root().resolve(opts.getOrDefault("out", "bench/results/callback.md"));
        Bench.init();
        String run = Long.toString(System.currentTimeMillis(), 36);
        String group = "callback-bench-" + run;
        TopicSetup.skipToEnd(DevStack.KAFKA_BOOTSTRAP, group);
        String md;
        try (ServiceProcess callback = ServiceProcess.start("callback",
                Map.of("MP_MESSAGING_INCOMING_CONTACTS_GROUP_ID", group), List.of("-Xmx1g", "-XX:+UseG1GC"))) {
            psql("truncate cb_attempt, cb_callback, cb_caller, cc_outbox");
            HttpClient http = HttpClient.newHttpClient();
            String scheduledQueue = "bench-sched-" + run;
            String abandonQueue = "bench-aband-" + run;
            policy(http, callback, scheduledQueue, false);
            policy(http, callback, abandonQueue, true);

            // precision: book, then wait for every due time to pass and the scheduler to hand each over
            LocalDateTime first = LocalDateTime.now(ZoneOffset.UTC).plusSeconds(30);
            long bookStart = System.nanoTime();
            book(http, callback, scheduledQueue, scheduled, first, spreadSeconds);
            double bookSeconds = (System.nanoTime() - bookStart) / 1e9;
            long deadline = System.currentTimeMillis() + (30L + spreadSeconds + 60) * 1000;
            while (count("select count(*) from cb_attempt a join cb_callback c on c.id = a.callback_id where c.queue_id = '"
                    + scheduledQueue + "'") < scheduled && System.currentTimeMillis() < deadline) {
                Thread.sleep(1000);
            }
            double[] lateness = Stats.sorted(values("select extract(epoch from a.enqueued_at - a.due_at) * 1000"
                    + " from cb_attempt a join cb_callback c on c.id = a.callback_id where c.queue_id = '" + scheduledQueue + "'"));

            // abandoned calls, produced as fast as one producer goes
            EventCodec codec = new EventCodec(MAPPER, Clock.systemUTC(), "callback-bench");
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStack.KAFKA_BOOTSTRAP);
            props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            long produceStart = System.nanoTime();
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
                for (int i = 0; i < abandoned; i++) {
                    String contact = "ab-" + run + "-" + i;
                    Instant now = Instant.now();
                    producer.send(new ProducerRecord<>(Topics.CONTACTS, contact, codec.write(codec.create(EventTypes.CONTACT_ARRIVED,
                            contact, new ContactArrived(contact, Channel.VOICE, "+4930" + (40_000_000 + i), "+4940555000",
                                    now.minusSeconds(60))))));
                    producer.send(new ProducerRecord<>(Topics.CONTACTS, contact, codec.write(codec.create(EventTypes.CONTACT_ABANDONED,
                            contact, new ContactAbandoned(contact, abandonQueue, 45, 3, now)))));
                }
            }
            double produceSeconds = (System.nanoTime() - produceStart) / 1e9;
            long abandonDeadline = System.currentTimeMillis() + 180_000;
            String countAbandoned = "select count(*) from cb_callback where queue_id = '" + abandonQueue + "' and origin = 'abandoned'";
            while (count(countAbandoned) < abandoned && System.currentTimeMillis() < abandonDeadline) {
                Thread.sleep(200);
            }
            double abandonSeconds = (System.nanoTime() - produceStart) / 1e9;
            long returned = count(countAbandoned);
            md = report(args, scheduled, spreadSeconds, bookSeconds, lateness, abandoned, produceSeconds, returned,
                    abandonSeconds);
        }
        Bench.write(out, md);
        System.out.print(md);
        System.exit(0);
    }

    private static void policy(HttpClient http, ServiceProcess callback, String queue, boolean autoReturn) throws Exception {
        StringBuilder weekly = new StringBuilder();
        for (String d : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            weekly.append(weekly.isEmpty() ? "" : ",").append('"').append(d).append("\":[{\"open\":\"00:00\",\"close\":\"00:00\"}]");
        }
        String body = """
                {"maxAttempts":3,"minRetryIntervalSeconds":60,"maxPerNumberPerDay":5,"minAbandonWaitSeconds":20,
                 "autoReturnAbandoned":%s,"timeZone":"Etc/UTC","callingHours":{"weekly":{%s}}}
                """.formatted(autoReturn, weekly);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(callback.url("/callbacks/policies/" + queue)))
                .header("Authorization", Tokens.bearer("admin")).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("policy: " + r.statusCode() + " " + r.body());
        }
    }

    /** Books {@code n} callbacks due evenly over {@code spread} seconds from {@code first}, 32 requests in flight. */
    private static void book(HttpClient http, ServiceProcess callback, String queue, int n, LocalDateTime first, int spread)
            throws Exception {
        String token = Tokens.bearer("telephony");
        Semaphore inFlight = new Semaphore(32);
        List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
        long stepMicros = spread * 1_000_000L / n;
        for (int i = 0; i < n; i++) {
            LocalDateTime due = first.plus(stepMicros * i, ChronoUnit.MICROS);
            String body = """
                    {"phone":"+4930%d","queueId":"%s","origin":"web","timeZone":"Etc/UTC","windowStart":"%s","windowEnd":"%s"}
                    """.formatted(30_000_000 + i, queue, due, due.plusHours(2));
            inFlight.acquire();
            all.add(http.sendAsync(HttpRequest.newBuilder(URI.create(callback.url("/callbacks")))
                            .header("Authorization", token).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((r, e) -> inFlight.release()));
        }
        for (CompletableFuture<HttpResponse<String>> f : all) {
            HttpResponse<String> r = f.get();
            if (r.statusCode() != 201) {
                throw new IllegalStateException("booking answered " + r.statusCode() + ": " + r.body());
            }
        }
    }

    private static long count(String sql) throws IOException, InterruptedException {
        List<Double> v = values(sql);
        return v.isEmpty() ? 0 : v.get(0).longValue();
    }

    private static List<Double> values(String sql) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("psql", "-h", "localhost", "-U", "cc_callback", "-d", "cc_callback_test", "-qAt",
                "-v", "ON_ERROR_STOP=1", "-c", sql).redirectErrorStream(true);
        pb.environment().put("PGPASSWORD", DevStack.dbPassword("callback"));
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("psql failed: " + output);
        }
        List<Double> values = new ArrayList<>();
        output.lines().filter(l -> !l.isBlank()).forEach(l -> values.add(Double.parseDouble(l.trim())));
        return values;
    }

    private static void psql(String sql) throws IOException, InterruptedException {
        values(sql + "; select 0");
    }

    private static String report(String[] args, int scheduled, int spread, double bookSeconds, double[] late, int abandoned,
            double produceSeconds, long returned, double abandonSeconds) {
        return "# Callback benchmark\n\n"
                + "Generated by `./contact-center bench callback" + (args.length == 0 ? "" : " " + String.join(" ", args))
                + "` on " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + ".\n\n"
                + "- Machine: " + Machine.describe() + "\n"
                + "- Setup: one callback-service (JVM `-Xmx1g -XX:+UseG1GC`, scheduler pass every 200 ms, 500 callbacks per"
                + " pass) on local PostgreSQL and Kafka; the load generator on the same machine.\n\n"
                + "## Scheduling precision\n\n"
                + String.format(Locale.ROOT, "%,d callbacks booked through `POST /callbacks` in %.1f s (32 in flight), due"
                        + " evenly over %d s. Lateness = hand-over to routing (`routing.enqueue` written with the state"
                        + " change) − due time, for every callback. Baseline: the scheduler interval (200 ms), the lateness"
                        + " a perfect poller would show at worst.%n%n", scheduled, bookSeconds, spread)
                + "| callbacks dispatched | p50 ms | p90 ms | p99 ms | max ms | p99 ÷ scheduler interval |\n|---|---|---|---|---|---|\n"
                + String.format(Locale.ROOT, "| %d | %.0f | %.0f | %.0f | %.0f | %.2f× |%n", late.length,
                        Stats.percentile(late, 50), Stats.percentile(late, 90), Stats.percentile(late, 99),
                        Stats.percentile(late, 100), Stats.percentile(late, 99) / 200.0)
                + "\n## Abandoned calls returned\n\n"
                + String.format(Locale.ROOT, "%,d abandoned calls (contact.arrived + contact.abandoned, waited 45 s, policy"
                        + " returns them) produced in %.1f s; each one checked against the policy (minimum wait, daily cap,"
                        + " called again, do-not-call) and turned into a callback with its events.%n%n", abandoned,
                        produceSeconds)
                + "| abandoned | callbacks created | seconds until all in | callbacks/s | producer events/s (baseline) |"
                + " ratio |\n|---|---|---|---|---|---|\n"
                + String.format(Locale.ROOT, "| %d | %d | %.1f | %.0f | %.0f | %.2f |%n", abandoned, returned, abandonSeconds,
                        returned / abandonSeconds, 2 * abandoned / produceSeconds,
                        (returned / abandonSeconds) / (abandoned / produceSeconds));
    }
}
