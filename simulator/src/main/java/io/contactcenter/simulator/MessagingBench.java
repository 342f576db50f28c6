package io.contactcenter.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.devstack.DevStack;
import io.contactcenter.devstack.ServiceProcess;
import io.contactcenter.devstack.Tokens;
import io.contactcenter.events.Channel;
import io.contactcenter.events.EventCodec;
import io.contactcenter.events.EventTypes;
import io.contactcenter.events.Topics;
import io.contactcenter.events.contact.ContactAnswered;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Messaging benchmark: messages per second end to end, from a customer's POST to the widget API to the message on the
 * assigned agent's stream (SSE), with p50/p99. The packaged messaging-service runs against the real database and broker;
 * {@code chats} conversations are opened through the chat API and given to {@code agents} agents by contact.answered
 * events, as routing would. Each step posts at a fixed rate, spread over all chats. In the same run, a raw Kafka
 * produce→consume round trip at the same rate is the baseline (as in the routing benchmark); the report gives the ratio.
 */
public final class MessagingBench {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    record Chat(String id, String token, String contactId, String agent) {
    }

    record Step(int rate, int sent, int received, int failed, double seconds, double[] latencies, double[] raw,
            double cpuSeconds, double idleShare, double postgres, double kafka, double bench) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = Bench.options(args);
        int chats = Integer.parseInt(opts.getOrDefault("chats", "200"));
        int agents = Integer.parseInt(opts.getOrDefault("agents", "50"));
        int seconds = Integer.parseInt(opts.getOrDefault("seconds", "15"));
        // C2 compiling in the first minutes competes for two cores and doubled-to-tripled p99 here (bench/results/
        // messaging.md): the service runs as `up` runs it (C1 only) and is warmed for a minute before anything is measured
        int warmup = Integer.parseInt(opts.getOrDefault("warmup", "60"));
        List<Integer> rates = new ArrayList<>();
        for (String r : opts.getOrDefault("rates", "100,250,500,750").split(",")) {
            rates.add(Integer.parseInt(r.trim()));
        }
        Path out = DevStack.root().resolve(opts.getOrDefault("out", "bench/results/messaging.md"));
        Bench.init();
        RoutingBench.ensureRawTopic();
        String run = Long.toString(System.currentTimeMillis(), 36);
        List<String> jvm = new ArrayList<>(List.of("-Xmx512m", "-XX:+UseG1GC"));
        jvm.addAll(Bench.jvmOptions(opts).isEmpty() && !opts.containsKey("jvm") ? List.of("-XX:TieredStopAtLevel=1")
                : Bench.jvmOptions(opts));
        List<Step> steps = new ArrayList<>();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try (ServiceProcess messaging = ServiceProcess.start("messaging",
                Bench.fromTheEnd("messaging-bench-" + run, Map.of("CC_MESSAGING_CHAT_DEFAULT_QUEUE", "bench-" + run)), jvm);
                KafkaProducer<String, String> producer = RoutingBench.producer()) {
            System.out.printf("messaging-service up on port %d; opening %d chats for %d agents%n", messaging.port, chats, agents);
            EventCodec codec = new EventCodec(JSON, Clock.systemUTC(), "messaging-bench");
            List<Chat> open = openChats(http, messaging, codec, producer, run, chats, agents);
            Map<String, Long> sentAt = new ConcurrentHashMap<>();
            Map<String, Double> latency = new ConcurrentHashMap<>();
            List<AgentStream> streams = new ArrayList<>();
            for (int a = 0; a < agents; a++) {
                streams.add(new AgentStream(http, messaging, "bench-" + run + "-a" + a, sentAt, latency));
            }
            awaitAssigned(http, messaging, open);
            System.out.printf("warming up (%d s at 200/s, not reported)%n", warmup);
            step(http, messaging, open, "warm", 200, warmup, sentAt, latency, 0);
            for (int rate : rates) {
                double[] raw = RoutingBench.rawRoundTrip(producer, rate, Math.min(seconds, 10));
                Step s = step(http, messaging, open, "r" + rate, rate, seconds, sentAt, latency, messaging.pid());
                steps.add(new Step(s.rate(), s.sent(), s.received(), s.failed(), s.seconds(), s.latencies(), raw, s.cpuSeconds(),
                        s.idleShare(), s.postgres(), s.kafka(), s.bench()));
                System.out.printf(Locale.ROOT, "rate %4d/s: delivered %5d/%5d  p50 %6.1f ms  p99 %7.1f ms  (raw kafka p50 %5.1f p99 %5.1f ms)%n",
                        rate, s.received(), s.sent(), Stats.percentile(s.latencies(), 50), Stats.percentile(s.latencies(), 99),
                        Stats.percentile(raw, 50), Stats.percentile(raw, 99));
            }
            streams.forEach(AgentStream::close);
        }
        Bench.write(out, report(steps, chats, agents, seconds, warmup, jvm, String.join(" ", args)));
        System.out.println("wrote " + out);
        System.exit(0);
    }

    private static List<Chat> openChats(HttpClient http, ServiceProcess messaging, EventCodec codec,
            KafkaProducer<String, String> producer, String run, int chats, int agents) throws Exception {
        List<Chat> open = new ArrayList<>();
        for (int i = 0; i < chats; i++) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(messaging.url("/messaging/chat/conversations")))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Bench " + i + "\",\"email\":\"bench" + i + "@"
                            + run + ".example\"}")).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) {
                throw new IllegalStateException("chat not started: " + r.statusCode() + " " + r.body());
            }
            JsonNode started = JSON.readTree(r.body());
            String id = started.get("conversationId").asText();
            JsonNode view = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(messaging.url("/messaging/conversations/" + id)))
                    .header("Authorization", Tokens.bearer("supervisor")).build(), HttpResponse.BodyHandlers.ofString()).body());
            String agent = "bench-" + run + "-a" + (i % agents);
            String contactId = view.get("contactId").asText();
            producer.send(new ProducerRecord<>(Topics.CONTACTS, contactId, codec.write(codec.create(EventTypes.CONTACT_ANSWERED,
                    contactId, new ContactAnswered(contactId, "bench-" + run, agent, 1, Instant.now())))));
            open.add(new Chat(id, started.get("token").asText(), contactId, agent));
        }
        producer.flush();
        return open;
    }

    private static void awaitAssigned(HttpClient http, ServiceProcess messaging, List<Chat> open) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (Chat c : open) {
            while (true) {
                JsonNode view = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(messaging.url("/messaging/conversations/" + c.id())))
                        .header("Authorization", Tokens.bearer("supervisor")).build(), HttpResponse.BodyHandlers.ofString()).body());
                if ("ASSIGNED".equals(view.path("status").asText())) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("chats not assigned within 60 s (is the broker up?)");
                }
                Thread.sleep(50);
            }
        }
    }

    /** Posts {@code rate} customer messages per second for {@code seconds}, round robin over the chats. */
    private static Step step(HttpClient http, ServiceProcess messaging, List<Chat> open, String tag, int rate, int seconds,
            Map<String, Long> sentAt, Map<String, Double> latency, long pid) throws Exception {
        double cpuBefore = pid == 0 ? 0 : Machine.cpuSecondsOf(pid);
        double idleBefore = Machine.idleSeconds();
        double pgBefore = Machine.cpuSeconds("postgres"), kafkaBefore = Machine.cpuSeconds("kafka.Kafka");
        double benchBefore = Machine.cpuSecondsOf(ProcessHandle.current().pid());
        long wallBefore = System.nanoTime();
        int total = rate * seconds;
        List<String> keys = new ArrayList<>(total);
        AtomicInteger failed = new AtomicInteger();
        List<CompletableFuture<?>> posts = new ArrayList<>(total);
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            RoutingBench.pace(start, i, rate);
            Chat c = open.get(i % open.size());
            String key = tag + "-" + i;
            keys.add(key);
            sentAt.put(key, System.nanoTime());
            posts.add(http.sendAsync(HttpRequest.newBuilder(URI.create(messaging.url("/messaging/chat/conversations/" + c.id() + "/messages")))
                    .timeout(Duration.ofSeconds(10)).header("X-Chat-Token", c.token()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"b:" + key + "\",\"clientId\":\"" + key + "\"}")).build(),
                    HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                        if (e != null || r.statusCode() != 201) {
                            failed.incrementAndGet();
                        }
                    }));
        }
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        CompletableFuture.allOf(posts.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (keys.stream().filter(latency::containsKey).count() < total - failed.get() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        List<Double> values = keys.stream().map(latency::get).filter(java.util.Objects::nonNull).toList();
        double cpu = pid == 0 ? 0 : Machine.cpuSecondsOf(pid) - cpuBefore;
        double wall = (System.nanoTime() - wallBefore) / 1e9;
        double idle = (Machine.idleSeconds() - idleBefore) / (wall * Runtime.getRuntime().availableProcessors());
        return new Step(rate, total, values.size(), failed.get(), sendSeconds, Stats.sorted(values), new double[0], cpu, idle,
                (Machine.cpuSeconds("postgres") - pgBefore) / wall, (Machine.cpuSeconds("kafka.Kafka") - kafkaBefore) / wall,
                (Machine.cpuSecondsOf(ProcessHandle.current().pid()) - benchBefore) / wall);
    }

    /** One agent's SSE stream: the moment each bench message arrives. */
    private static final class AgentStream {
        private final CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> response;

        AgentStream(HttpClient http, ServiceProcess messaging, String agent, Map<String, Long> sentAt, Map<String, Double> latency) {
            response = http.sendAsync(HttpRequest.newBuilder(URI.create(messaging.url("/messaging/agents/" + agent + "/stream")))
                    .header("Authorization", Tokens.agent(agent)).header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.ofLines());
            response.thenAcceptAsync(r -> r.body().forEach(line -> {
                int at = line.indexOf("\"text\":\"b:");
                if (at < 0) {
                    return;
                }
                long now = System.nanoTime();
                String key = line.substring(at + 10, line.indexOf('"', at + 10));
                Long sent = sentAt.get(key);
                if (sent != null) {
                    latency.putIfAbsent(key, (now - sent) / 1e6);
                }
            }));
        }

        void close() {
            response.thenAccept(r -> r.body().close());
            response.cancel(true);
        }
    }

    private static String report(List<Step> steps, int chats, int agents, int seconds, int warmup, List<String> jvm,
            String args) {
        StringBuilder md = new StringBuilder("# Messaging benchmark\n\n");
        md.append("Messages per second end to end: a customer's `POST /messaging/chat/conversations/{id}/messages` (the widget's"
                + " call) until the message is on the assigned agent's stream (`GET /messaging/agents/{id}/stream`, SSE).\n\n");
        md.append("- Machine: ").append(Machine.describe()).append('\n');
        md.append("- Command: `./contact-center bench messaging").append(args.isBlank() ? "" : " " + args).append("`\n");
        md.append("- Setup: ").append(chats).append(" chats held by ").append(agents).append(" agents (one SSE stream each);"
                + " the packaged messaging-service (").append(String.join(" ", jvm)).append(") against the local PostgreSQL and"
                + " Kafka broker; ").append(seconds).append(" s per step after a ").append(warmup).append(" s warm-up at 200/s. Each message is one transaction (lock the"
                + " conversation, store the message, stage its cc.messaging event, NOTIFY the replicas).\n");
        md.append("- Baseline: plain records produced and consumed on the same broker at the same rate, in the same run"
                + " (as in bench/results/routing.md).\n- Target: p99 ≤ 100 ms at 500 messages/s.\n\n");
        md.append("| rate /s | sent | on agent stream | failed | p50 ms | p90 ms | p99 ms | max ms | raw Kafka p50 / p99 ms | p50 ratio | p99 ratio | CPU s/s: service, PostgreSQL, Kafka, bench client | machine idle |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Step s : steps) {
            double p50 = Stats.percentile(s.latencies(), 50), p99 = Stats.percentile(s.latencies(), 99);
            double r50 = Stats.percentile(s.raw(), 50), r99 = Stats.percentile(s.raw(), 99);
            md.append(String.format(Locale.ROOT, "| %d | %d | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f / %.1f | %.1f× | %.1f× | %.2f, %.2f, %.2f, %.2f | %.0f%% |%n",
                    s.rate(), s.sent(), s.received(), s.failed(), p50, Stats.percentile(s.latencies(), 90), p99,
                    s.latencies().length == 0 ? Double.NaN : s.latencies()[s.latencies().length - 1], r50, r99,
                    p50 / r50, p99 / r99, s.cpuSeconds() / seconds, s.postgres(), s.kafka(), s.bench(), s.idleShare() * 100));
        }
        steps.stream().filter(s -> s.rate() == 500).findFirst().ifPresent(s -> md.append(String.format(Locale.ROOT,
                "%nAt 500 messages/s: p99 %.1f ms — the target (≤ 100 ms) is %s.%n", Stats.percentile(s.latencies(), 99),
                Stats.percentile(s.latencies(), 99) <= 100 ? "met" : "NOT met")));
        return md.toString();
    }
}
