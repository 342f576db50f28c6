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
import io.contactcenter.events.contact.ContactAnswered;
import io.contactcenter.events.contact.ContactCompleted;
import io.contactcenter.events.contact.ContactQueued;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Reporting ingest benchmark: contact lifecycles (queued, answered, completed) produced to {@code cc.contacts}
 * as fast as the producer goes; throughput = events the service processed (its inbox counter) per second
 * until all are in; meanwhile a wallboard-like client reads {@code /reports/realtime/queues} every 50 ms and
 * its latency is recorded.
 */
public final class ReportingBench {

    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = Bench.options(args);
        int contacts = Integer.parseInt(opts.getOrDefault("contacts", "50000"));
        Path out = DevStack.root().resolve(opts.getOrDefault("out", "bench/results/reporting.md"));
        Bench.init();
        String run = Long.toString(System.currentTimeMillis(), 36);
        String group = "reporting-bench-" + run;
        TopicSetup.skipToEnd(DevStack.KAFKA_BOOTSTRAP, group);
        EventCodec codec = new EventCodec(MAPPER, Clock.systemUTC(), "reporting-bench");
        int events = contacts * 3;
        double seconds;
        List<Double> snapshotMs = new ArrayList<>();
        double cpuService;
        try (ServiceProcess reporting = ServiceProcess.start("reporting",
                Map.of("MP_MESSAGING_INCOMING_CONTACTS_GROUP_ID", group, "MP_MESSAGING_INCOMING_AGENTS_GROUP_ID", group),
                List.of("-Xmx1g", "-XX:+UseG1GC"))) {
            HttpClient http = HttpClient.newHttpClient();
            double before = processed(http, reporting);
            double cpuBefore = Machine.cpuSecondsOf(reporting.pid());
            AtomicBoolean stop = new AtomicBoolean();
            String token = Tokens.bearer("supervisor");
            Thread wallboard = new Thread(() -> {
                while (!stop.get()) {
                    long t0 = System.nanoTime();
                    try {
                        http.send(HttpRequest.newBuilder(URI.create(reporting.url("/reports/realtime/queues")))
                                .header("Authorization", token).build(), HttpResponse.BodyHandlers.discarding());
                        synchronized (snapshotMs) {
                            snapshotMs.add((System.nanoTime() - t0) / 1e6);
                        }
                        Thread.sleep(50);
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            long start = System.nanoTime();
            wallboard.start();
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStack.KAFKA_BOOTSTRAP);
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
                Instant t = Instant.now();
                for (int i = 0; i < contacts; i++) {
                    String id = "rb-" + run + "-" + i;
                    String queue = "rb-q" + (i % 100);
                    Instant at = t.plusMillis(i);
                    send(producer, codec, EventTypes.CONTACT_QUEUED, id, new ContactQueued(id, queue, Channel.VOICE, 1, at, at,
                            Map.of(), 1, null));
                    send(producer, codec, EventTypes.CONTACT_ANSWERED, id, new ContactAnswered(id, queue, "a" + (i % 500),
                            (i % 40), at.plusSeconds(i % 40)));
                    send(producer, codec, EventTypes.CONTACT_COMPLETED, id, new ContactCompleted(id, queue, "a" + (i % 500),
                            120, 10, 20, at.plusSeconds(200)));
                }
            }
            while (processed(http, reporting) - before < events && System.nanoTime() - start < 600e9) {
                Thread.sleep(200);
            }
            seconds = (System.nanoTime() - start) / 1e9;
            cpuService = (Machine.cpuSecondsOf(reporting.pid()) - cpuBefore) / seconds;
            stop.set(true);
            wallboard.join();
        }
        double[] lat = snapshotMs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        String md = "# Reporting ingest benchmark\n\n"
                + "Generated by `./contact-center bench reporting" + (args.length == 0 ? "" : " " + String.join(" ", args))
                + "` on " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + ".\n\n"
                + "- Machine: " + Machine.describe() + "\n"
                + "- Setup: one reporting-service (JVM `-Xmx1g -XX:+UseG1GC`), Kafka and PostgreSQL local; " + contacts
                + " contact lifecycles (queued, answered, completed = " + events + " CloudEvents) over 100 queues, produced"
                + " to `cc.contacts` as fast as one producer goes (acks=all, linger 5 ms), consumed in batches through the"
                + " inbox (each event once) into `rpt_contact` / `rpt_agent`.\n"
                + "- Throughput: events processed (the service's `cc_inbox_events_total`) ÷ time from the first produce to"
                + " the last event in. Snapshot latency: a client reading `/reports/realtime/queues` every 50 ms during the"
                + " ingest.\n\n"
                + "| events | seconds | events/s | service CPU | snapshot reads | snapshot p50 ms | p99 ms | max ms |\n"
                + "|---|---|---|---|---|---|---|---|\n"
                + String.format(Locale.ROOT, "| %d | %.1f | %.0f | %.0f%% | %d | %.1f | %.1f | %.1f |%n", events, seconds,
                        events / seconds, 100 * cpuService, lat.length, Stats.percentile(lat, 50), Stats.percentile(lat, 99),
                        Stats.percentile(lat, 100));
        Bench.write(out, md);
        System.out.printf(Locale.ROOT, "%d events in %.1f s = %.0f events/s; snapshot p99 %.1f ms%n", events, seconds,
                events / seconds, Stats.percentile(lat, 99));
        System.exit(0);
    }

    private static void send(KafkaProducer<String, String> producer, EventCodec codec, String type, String id, Object data) {
        producer.send(new ProducerRecord<>(Topics.CONTACTS, id, codec.write(codec.create(type, id, data))));
    }

    private static double processed(HttpClient http, ServiceProcess s) throws Exception {
        String metrics = http.send(HttpRequest.newBuilder(URI.create(s.url("/q/metrics"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines().filter(l -> l.startsWith("cc_inbox_events_total") && l.contains("reporting.contacts")
                && l.contains("processed")).mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
