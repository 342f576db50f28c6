package io.contactcenter.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactcenter.devstack.DevStack;
import io.contactcenter.devstack.OutboxFixture;
import io.contactcenter.devstack.TopicSetup;
import io.contactcenter.events.outbox.FaultPoint;
import io.contactcenter.events.outbox.OutboxRelay;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The outbox relay crashed at each of its fault points, again and again, against the real broker and
 * PostgreSQL: after every crash a fresh relay of the same database takes over, and a read_committed reader
 * of the topic must find every event exactly once, in order per key.
 *
 * <p>The relay works on a schema of its own in routing's test database, so its rows and lock never meet the
 * routing service's; it publishes to a topic of its own, deleted afterwards.
 */
class RelayFaultLoopTest {

    private static final int CRASHES_PER_POINT = 30;
    private static final int ROWS_PER_ROUND = 24;
    private static final int BATCH = 8;
    private static final String SCHEMA = "relay_faults";

    private static OutboxFixture outbox;
    private static Connection jdbc;
    private static String topic;

    @BeforeAll
    static void setUp() throws Exception {
        Stack.init();
        String run = UUID.randomUUID().toString().substring(0, 8);
        topic = "cc.test.relay-faults-" + run;
        TopicSetup.create(DevStack.KAFKA_BOOTSTRAP, topic, 6);
        outbox = OutboxFixture.create(SCHEMA, "relay-faults-" + run);
        jdbc = outbox.jdbc();
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (outbox != null) {
            outbox.close();
        }
        TopicSetup.delete(DevStack.KAFKA_BOOTSTRAP, topic);
    }

    @ParameterizedTest
    @EnumSource(FaultPoint.class)
    void crashedAtEachFaultPointThirtyTimesLosesAndDuplicatesNothingOnTheWire(FaultPoint point) throws Exception {
        List<String> expected = new ArrayList<>();
        int crashes = 0;
        for (int round = 0; round < CRASHES_PER_POINT; round++) {
            expected.addAll(insertRows(point + "-" + round, ROWS_PER_ROUND));
            // crash in the first, second or third batch of the round
            int crashInPass = 1 + round % 3;
            AtomicInteger reached = new AtomicInteger();
            OutboxRelay victim = relay();
            victim.faults(p -> {
                if (p == point && reached.incrementAndGet() == crashInPass) {
                    throw new SimulatedCrash(p);
                }
            });
            Optional<Throwable> crash = Optional.empty();
            for (int pass = 0; pass < 10 && crash.isEmpty(); pass++) {
                try {
                    victim.relayOnce().await().atMost(Duration.ofSeconds(30));
                } catch (SimulatedCrash e) {
                    crash = Optional.of(e);
                }
            }
            assertThat(crash).as("round %d crashed at %s", round, point).isPresent();
            crashes++;
            victim.crash();

            OutboxRelay successor = relay();
            drain(successor);
            successor.crash(); // nothing is open: it drained
        }
        assertThat(crashes).isEqualTo(CRASHES_PER_POINT);
        assertExactlyOnceInOrder(expected);
    }

    /**
     * A leader cut off from the database keeps its producer: the next leader's {@code initTransactions}
     * fences it, so the stale leader's open transaction can never commit.
     */
    @Test
    void staleLeaderIsFencedAndItsOpenTransactionNeverAppears() throws Exception {
        List<String> expected = insertRows("fence", BATCH);
        OutboxRelay stale = relay();
        CountDownLatch inTransaction = new CountDownLatch(1);
        CountDownLatch successorStarted = new CountDownLatch(1);
        AtomicBoolean once = new AtomicBoolean();
        stale.faults(p -> {
            if (p == FaultPoint.AFTER_SEND && once.compareAndSet(false, true)) {
                inTransaction.countDown();
                try {
                    successorStarted.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        var pass = stale.relayOnce().subscribeAsCompletionStage();
        assertThat(inTransaction.await(30, TimeUnit.SECONDS)).isTrue();
        // the stale leader's database session dies (a network partition); PostgreSQL frees the lock
        try (Statement s = jdbc.createStatement()) {
            s.execute("select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory' and pid <> pg_backend_pid()"
                    + " and database = (select oid from pg_database where datname = current_database())");
        }
        OutboxRelay successor = relay();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int published = 0;
        while (published == 0 && System.nanoTime() < deadline) {
            published = successor.relayOnce().await().atMost(Duration.ofSeconds(30));
        }
        assertThat(published).as("the successor took over and published").isEqualTo(BATCH);
        successorStarted.countDown();
        assertThatThrownBy(() -> pass.toCompletableFuture().get(30, TimeUnit.SECONDS))
                .as("the stale leader's commit is refused")
                .satisfies(e -> assertThat(causes(e)).hasAtLeastOneElementOfType(ProducerFencedException.class));
        assertThat(stale.relayOnce().await().atMost(Duration.ofSeconds(30))).as("the stale leader steps down").isZero();
        drain(successor);
        successor.crash();
        stale.crash();
        assertExactlyOnceInOrder(expected);
    }

    private static List<Throwable> causes(Throwable e) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static OutboxRelay relay() {
        return outbox.relay(BATCH);
    }

    private static void drain(OutboxRelay relay) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (outbox.unsent() > 0) {
            assertThat(System.nanoTime()).as("drained within 60 s").isLessThan(deadline);
            relay.relayOnce().await().atMost(Duration.ofSeconds(30));
        }
    }

    /** {@code rows} events over four keys; the payload is the event id. */
    private static List<String> insertRows(String prefix, int rows) throws Exception {
        outbox.insert(topic, prefix, rows, 4);
        return java.util.stream.IntStream.range(0, rows).mapToObj(i -> prefix + "-" + i).toList();
    }

    /** Reads the whole topic as the services do (read_committed) and checks it against the rows written. */
    private static void assertExactlyOnceInOrder(List<String> expected) throws Exception {
        Map<String, Long> seqOf = new HashMap<>();
        try (Statement s = jdbc.createStatement();
                ResultSet r = s.executeQuery("select event_id, seq from " + SCHEMA + ".cc_outbox")) {
            while (r.next()) {
                seqOf.put(r.getString(1), r.getLong(2));
            }
        }
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStack.KAFKA_BOOTSTRAP,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<String, Integer> copies = new HashMap<>();
        Map<String, Long> lastSeqOfKey = new HashMap<>();
        List<String> outOfOrder = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    copies.merge(r.value(), 1, Integer::sum);
                    long seq = seqOf.getOrDefault(r.value(), -1L);
                    Long before = lastSeqOfKey.put(r.key(), seq);
                    if (before != null && before > seq) {
                        outOfOrder.add(r.value());
                    }
                }
            }
        }
        List<String> duplicates = copies.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        List<String> lost = expected.stream().filter(id -> !copies.containsKey(id)).toList();
        System.err.printf("[relay-faults] %d events expected, %d distinct on the wire, %d duplicates, %d lost, %d out of order%n",
                expected.size(), copies.size(), duplicates.size(), lost.size(), outOfOrder.size());
        assertThat(duplicates).as("duplicates on the wire").isEmpty();
        assertThat(lost).as("events lost").isEmpty();
        assertThat(outOfOrder).as("events out of order within their key").isEmpty();
    }

    private static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash(FaultPoint point) {
            super("simulated crash at " + point);
        }
    }
}
