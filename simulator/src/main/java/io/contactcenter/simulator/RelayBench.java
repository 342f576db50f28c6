package io.contactcenter.simulator;

import io.contactcenter.devstack.DevStack;
import io.contactcenter.devstack.OutboxFixture;
import io.contactcenter.devstack.TopicSetup;
import io.contactcenter.events.outbox.OutboxRelay;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
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
 * What exactly-once costs the outbox relay. Two relays over the same outbox table and topic, alternated in one
 * run: the exactly-once {@link OutboxRelay} (one Kafka transaction per batch, its position inside) and, as the
 * named baseline, the at-least-once relay it replaced (per pass a database transaction with a transaction-scoped
 * advisory lock, the batch sent by an idempotent producer, acknowledgements awaited, rows stamped), reproduced
 * here pass for pass.
 *
 * <ul>
 *   <li>Drain: a backlog of {@code --events} rows published by back-to-back passes; events/s.</li>
 *   <li>Paced: rows committed at {@code --rate}/s for {@code --seconds}, passes every 50 ms as a service runs
 *       them; latency = arrival at a read_committed consumer − the producing transaction's commit.</li>
 * </ul>
 */
public final class RelayBench {

    private static final String EVENT_TYPE = "bench.relay";

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = Bench.options(args);
        int backlog = Integer.parseInt(opts.getOrDefault("events", "100000"));
        int rate = Integer.parseInt(opts.getOrDefault("rate", "4000"));
        int seconds = Integer.parseInt(opts.getOrDefault("seconds", "20"));
        // each relay as it ships: the exactly-once one with cc.outbox.batch-size's default, the old one with its 500
        int batch = Integer.parseInt(opts.getOrDefault("batch", "2000"));
        int baselineBatch = Integer.parseInt(opts.getOrDefault("baseline-batch", "500"));
        int rounds = Integer.parseInt(opts.getOrDefault("rounds", "3"));
        Path out = DevStack.root().resolve(opts.getOrDefault("out", "bench/results/relay.md"));
        Bench.init();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String topic = "cc.bench.relay-" + run;
        TopicSetup.create(DevStack.KAFKA_BOOTSTRAP, topic, 12);
        List<Result> results = new ArrayList<>();
        try (OutboxFixture outbox = OutboxFixture.create("relay_bench", "relay-bench-" + run)) {
            for (int round = 1; round <= rounds; round++) {
                for (String kind : List.of("at-least-once (before)", "exactly-once (after)")) {
                    Relay relay = kind.startsWith("exactly") ? new ExactlyOnce(outbox.relay(batch))
                            : new AtLeastOnce(outbox.pool(), baselineBatch, outbox.table());
                    try (relay) {
                        Result r = new Result(round, kind);
                        drain(outbox, relay, topic, backlog, r);
                        paced(outbox, relay, topic, rate, seconds, r);
                        results.add(r);
                        System.err.println("[relay-bench] " + r.row());
                    }
                }
            }
        } finally {
            TopicSetup.delete(DevStack.KAFKA_BOOTSTRAP, topic);
        }
        Bench.write(out, report(results, backlog, rate, seconds, batch, baselineBatch, rounds));
        System.err.println("[relay-bench] wrote " + out);
    }

    private static void drain(OutboxFixture outbox, Relay relay, String topic, int backlog, Result r) throws Exception {
        outbox.jdbc().createStatement().execute("truncate " + outbox.table());
        String prefix = "drain-" + r.round + "-" + r.kind.charAt(0);
        for (int done = 0; done < backlog; done += 5_000) {
            insert(outbox.jdbc(), outbox.table(), topic, prefix + "-" + done, Math.min(5_000, backlog - done));
        }
        try (Reader reader = new Reader(topic, prefix)) {
            long start = System.nanoTime();
            while (outbox.unsent() > 0) {
                relay.once();
            }
            r.drainSeconds = (System.nanoTime() - start) / 1e9;
            reader.awaitCount(backlog, Duration.ofSeconds(60));
            r.drainOnWire = reader.records.get();
            r.drainDistinct = reader.distinct.size();
        }
    }

    private static void paced(OutboxFixture outbox, Relay relay, String topic, int rate, int seconds, Result r)
            throws Exception {
        outbox.jdbc().createStatement().execute("truncate " + outbox.table());
        String prefix = "paced-" + r.round + "-" + r.kind.charAt(0);
        AtomicBoolean stop = new AtomicBoolean();
        try (Reader reader = new Reader(topic, prefix)) {
            Thread relayLoop = new Thread(() -> {
                long next = System.nanoTime();
                while (!stop.get()) {
                    relay.once();
                    next += 50_000_000L; // the services' relay timer
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        sleepNanos(wait);
                    } else {
                        next = System.nanoTime();
                    }
                }
            }, "relay-loop");
            relayLoop.start();
            // commit a small transaction every 10 ms, each row stamped with its commit time afterwards
            int perTick = Math.max(1, rate / 100);
            long ticks = seconds * 100L;
            long start = System.nanoTime();
            int sent = 0;
            Connection db = outbox.jdbc();
            try {
                for (long tick = 0; tick < ticks; tick++) {
                    sleepNanos(start + tick * 10_000_000L - System.nanoTime());
                    String tickPrefix = prefix + "-" + tick;
                    insert(db, outbox.table(), topic, tickPrefix, perTick);
                    long committed = System.nanoTime();
                    for (int i = 0; i < perTick; i++) {
                        reader.committedAt.put(tickPrefix + "-" + i, committed);
                    }
                    sent += perTick;
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            reader.awaitCount(sent, Duration.ofSeconds(60));
            stop.set(true);
            relayLoop.join();
            r.pacedSent = sent;
            r.pacedOnWire = reader.records.get();
            r.pacedDistinct = reader.distinct.size();
            double[] ms = Stats.sorted(reader.latenciesMs);
            r.p50 = Stats.percentile(ms, 50);
            r.p99 = Stats.percentile(ms, 99);
            r.max = ms.length == 0 ? Double.NaN : ms[ms.length - 1];
        }
    }

    private static void insert(Connection db, String table, String topic, String prefix, int count) throws java.sql.SQLException {
        try (PreparedStatement insert = db.prepareStatement("insert into " + table
                + " (event_id, topic, msg_key, event_type, payload) values (?, ?, ?, '" + EVENT_TYPE + "', ?)")) {
            for (int i = 0; i < count; i++) {
                String id = prefix + "-" + i;
                insert.setString(1, id);
                insert.setString(2, topic);
                insert.setString(3, "key-" + (i % 64));
                // a payload the size of a typical contact event
                insert.setString(4, id + "|" + "x".repeat(400));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void sleepNanos(long nanos) {
        if (nanos > 0) {
            try {
                Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String report(List<Result> results, int backlog, int rate, int seconds, int batch, int baselineBatch,
            int rounds) {
        StringBuilder md = new StringBuilder();
        md.append("# Outbox relay benchmark\n\n")
                .append("Generated by `./contact-center bench relay --events=").append(backlog).append(" --rate=").append(rate)
                .append(" --seconds=").append(seconds).append(" --batch=").append(batch).append(" --baseline-batch=")
                .append(baselineBatch).append(" --rounds=").append(rounds)
                .append("` on ").append(Instant.now()).append(".\n\n")
                .append("- Machine: ").append(Machine.describe()).append('\n')
                .append("- Setup: one relay at a time over one outbox table (schema of its own in the local PostgreSQL),"
                        + " publishing to a 12-partition topic of its own on the tests' local broker; ~420-byte payloads"
                        + " over 64 keys; batches of ").append(batch).append(" rows (exactly-once) and ").append(baselineBatch)
                .append(" (at-least-once). The two relays alternate, ")
                .append(rounds).append(" rounds, in this one run.\n")
                .append("- Baseline: the at-least-once relay this change replaced (transaction-scoped advisory lock,"
                        + " idempotent producer, acknowledgements awaited, then the stamp), reproduced in the bench.\n")
                .append("- Latency: arrival at a read_committed consumer − commit of the producing transaction"
                        + " (rows committed every 10 ms; relay passes every 50 ms as in the services).\n\n")
                .append("| round | relay | drain events/s | drain on wire / distinct | paced events | on wire / distinct"
                        + " | p50 ms | p99 ms | max ms |\n|---|---|---|---|---|---|---|---|---|\n");
        results.forEach(r -> md.append(r.row()).append('\n'));
        // round 1 runs while the JIT still compiles both relays' paths (the first relay measured pays most): a warm-up
        int firstCounted = rounds > 1 ? 2 : 1;
        double before = results.stream().filter(r -> r.round >= firstCounted && r.kind.startsWith("at-least"))
                .mapToDouble(Result::drainRate).average().orElse(Double.NaN);
        double after = results.stream().filter(r -> r.round >= firstCounted && r.kind.startsWith("exactly"))
                .mapToDouble(Result::drainRate).average().orElse(Double.NaN);
        double p99Before = results.stream().filter(r -> r.round >= firstCounted && r.kind.startsWith("at-least"))
                .mapToDouble(r -> r.p99).average().orElse(Double.NaN);
        double p99After = results.stream().filter(r -> r.round >= firstCounted && r.kind.startsWith("exactly"))
                .mapToDouble(r -> r.p99).average().orElse(Double.NaN);
        md.append(String.format(Locale.ROOT, "%nRounds %d and later (round 1 is the JIT's warm-up): drain before %.0f events/s,"
                + " after %.0f events/s, **ratio after ÷ before = %.2f×** (bar: ≥ 0.8×); paced p99 before %.1f ms, after"
                + " %.1f ms.%n", firstCounted, before, after, after / before, p99Before, p99After));
        return md.toString();
    }

    /** One relay pass at a time. */
    private interface Relay extends AutoCloseable {
        int once();

        @Override
        void close();
    }

    private record ExactlyOnce(OutboxRelay relay) implements Relay {
        @Override
        public int once() {
            return relay.relayOnce().await().atMost(Duration.ofSeconds(60));
        }

        @Override
        public void close() {
            relay.close();
        }
    }

    /** The relay as it was before exactly-once, pass for pass (the bench's baseline). */
    private static final class AtLeastOnce implements Relay {
        private static final long LOCK = 0x0C0_0B1;
        private final Pool pool;
        private final int batch;
        private final String table;
        private final KafkaProducer<String, String> producer;

        AtLeastOnce(Pool pool, int batch, String table) {
            this.pool = pool;
            this.batch = batch;
            this.table = table;
            Map<String, Object> props = new HashMap<>();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStack.KAFKA_BOOTSTRAP);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            props.put(ProducerConfig.LINGER_MS_CONFIG, 1);
            producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        }

        @Override
        public int once() {
            return pool.withTransaction(conn -> conn.preparedQuery("select pg_try_advisory_xact_lock($1)")
                    .execute(Tuple.of(LOCK))
                    .chain(lock -> conn.preparedQuery("select seq, topic, msg_key, event_type, payload from " + table
                            + " where sent_at is null order by seq limit $1").execute(Tuple.of(batch)))
                    .chain(rows -> {
                        List<Row> list = new ArrayList<>();
                        rows.forEach(list::add);
                        if (list.isEmpty()) {
                            return Uni.createFrom().item(0);
                        }
                        Long[] seqs = list.stream().map(row -> row.getLong("seq")).toArray(Long[]::new);
                        return Uni.createFrom().item(() -> {
                            List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
                            for (Row row : list) {
                                ProducerRecord<String, String> rec = new ProducerRecord<>(row.getString("topic"),
                                        row.getString("msg_key"), row.getString("payload"));
                                rec.headers().add("ce_type", row.getString("event_type").getBytes(StandardCharsets.UTF_8));
                                acks.add(producer.send(rec));
                            }
                            for (var ack : acks) {
                                try {
                                    ack.get();
                                } catch (Exception e) {
                                    throw new IllegalStateException(e);
                                }
                            }
                            return list.size();
                        }).runSubscriptionOn(io.smallrye.mutiny.infrastructure.Infrastructure.getDefaultWorkerPool())
                                .chain(n -> conn.preparedQuery("update " + table + " set sent_at = now() where seq = any($1)")
                                        .execute(Tuple.of((Object) seqs)).replaceWith(n));
                    })).await().atMost(Duration.ofSeconds(60));
        }

        @Override
        public void close() {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** A read_committed consumer of the bench topic from its current end, counting one phase's records. */
    private static final class Reader implements AutoCloseable {
        final Map<String, Long> committedAt = new ConcurrentHashMap<>();
        final Set<String> distinct = ConcurrentHashMap.newKeySet();
        final List<Double> latenciesMs = java.util.Collections.synchronizedList(new ArrayList<>());
        final AtomicLong records = new AtomicLong();
        private final AtomicBoolean stop = new AtomicBoolean();
        private final Thread thread;

        Reader(String topic, String prefix) throws InterruptedException {
            Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStack.KAFKA_BOOTSTRAP,
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
            KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            thread = new Thread(() -> {
                try (consumer) {
                    while (!stop.get()) {
                        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(50))) {
                            long now = System.nanoTime();
                            String id = r.value().substring(0, r.value().indexOf('|'));
                            if (!id.startsWith(prefix)) {
                                continue;
                            }
                            records.incrementAndGet();
                            distinct.add(id);
                            Long committed = committedAt.get(id);
                            if (committed != null) {
                                latenciesMs.add((now - committed) / 1e6);
                            }
                        }
                    }
                }
            }, "relay-bench-reader");
            thread.start();
        }

        void awaitCount(long count, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (distinct.size() < count && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }

        @Override
        public void close() throws InterruptedException {
            stop.set(true);
            thread.join();
        }
    }

    private static final class Result {
        final int round;
        final String kind;
        double drainSeconds;
        long drainOnWire;
        long drainDistinct;
        long pacedSent;
        long pacedOnWire;
        long pacedDistinct;
        double p50;
        double p99;
        double max;

        Result(int round, String kind) {
            this.round = round;
            this.kind = kind;
        }

        double drainRate() {
            return drainDistinct / drainSeconds;
        }

        String row() {
            return String.format(Locale.ROOT, "| %d | %s | %.0f | %d / %d | %d | %d / %d | %.1f | %.1f | %.1f |", round, kind,
                    drainRate(), drainOnWire, drainDistinct, pacedSent, pacedOnWire, pacedDistinct, p50, p99, max);
        }
    }
}
