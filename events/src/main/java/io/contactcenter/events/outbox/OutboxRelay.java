package io.contactcenter.events.outbox;

import io.contactcenter.events.CloudEvent;
import io.contactcenter.events.KafkaClients;
import io.contactcenter.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka, oldest first, exactly once for read_committed consumers.
 *
 * <p>Each batch is one Kafka transaction that also carries the relay's position: the batch's sequence
 * numbers, on {@link Topics#OUTBOX_POSITIONS}, keyed by relay id (the service database). After the commit
 * the rows are stamped sent. A crash between the commit and the stamp leaves rows that look unsent but are
 * on the wire; so before a relay publishes anything (at start, on taking over, after any failed pass) it
 * calls {@code initTransactions}, which fences every older producer of the same transactional id and aborts
 * its open transaction, then reads its last committed position and stamps those rows. A crash before the
 * commit leaves an aborted transaction that read_committed consumers never see.
 *
 * <p>One relay per database publishes at a time: leadership is a session advisory lock held on a connection
 * the relay keeps for itself, so events of one key leave in commit order even with several replicas, and
 * replicas do not take turns fencing each other's producer. A dead leader's connection, and with it the
 * lock, is released by PostgreSQL; the next leader's {@code initTransactions} then fences the old producer.
 * Consumers still drop a repeated event id ({@link Inbox}): a second line of defence, not the mechanism.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Arbitrary constant naming the relay's advisory lock; each service has its own database. */
    private static final long RELAY_LOCK = 0x0C0_0B0;
    private static final Consumer<FaultPoint> NO_FAULTS = point -> {
    };

    private final Pool pool;
    private final OutboxConfig config;
    private final Map<String, Object> kafkaConfig;
    private final RelayPositions positions;
    private final Counter published;
    private final Counter failedPasses;
    private final Counter recovered;
    private final Timer transactions;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean paused;
    /** The connection holding the advisory lock while this instance leads; null when it does not. */
    private volatile SqlConnection leader;
    /** Transactional, initialised, and its last position recovered; null until the next pass prepares one. */
    private volatile KafkaProducer<String, String> producer;
    private volatile int positionPartitions;
    private volatile Consumer<FaultPoint> faults = NO_FAULTS;
    private Vertx vertx;
    private long timer;

    public OutboxRelay(Pool pool, OutboxConfig config,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, MeterRegistry registry) {
        this.pool = pool;
        this.config = config;
        this.kafkaConfig = kafkaConfig;
        this.positions = new RelayPositions(Topics.OUTBOX_POSITIONS, config.relayId(), kafkaConfig);
        this.published = registry.counter("cc.outbox.published");
        this.failedPasses = registry.counter("cc.outbox.failed.passes");
        this.recovered = registry.counter("cc.outbox.recovered");
        this.transactions = Timer.builder("cc.outbox.transaction").description("one relayed batch, begin to commit")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    /**
     * Polls on a Vert.x timer rather than {@code @Scheduled}: the Quarkus scheduler does not go below one
     * second, and every poll interval is added to the latency of every event.
     */
    void start(@Observes StartupEvent startup, Vertx vertx) {
        long every = Math.max(10, config.pollInterval().toMillis());
        timer = vertx.setPeriodic(every, id -> {
            if (config.relayEnabled() && !paused && running.compareAndSet(false, true)) {
                pass().subscribe().with(ok -> running.set(false), e -> running.set(false));
            }
        });
        this.vertx = vertx;
    }

    /** Stops polling before the datasource closes, so shutting down does not log failed passes. */
    void stop(@Observes ShutdownEvent shutdown) {
        if (vertx != null) {
            vertx.cancelTimer(timer);
        }
    }

    /** Stops publishing (as a crashed relay would) until {@link #resume()}; rows keep accumulating. */
    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
    }

    /** Which relay this is: the key of its position and part of its transactional id. */
    public String relayId() {
        return config.relayId();
    }

    /** Installs a hook called at each {@link FaultPoint} of every pass; it crashes the relay by throwing. */
    public void faults(Consumer<FaultPoint> hook) {
        this.faults = hook == null ? NO_FAULTS : hook;
    }

    /**
     * One pass, after any pass already running: publishes up to a batch of unsent rows if this instance
     * leads; returns how many were published.
     */
    public Uni<Integer> relayOnce() {
        return Uni.createFrom().deferred(() -> running.compareAndSet(false, true)
                ? pass().eventually(() -> running.set(false))
                : Uni.createFrom().<Integer>failure(new PassRunning()))
                .onFailure(PassRunning.class).retry().withBackOff(Duration.ofMillis(5), Duration.ofMillis(50))
                .atMost(2_000);
    }

    private Uni<Integer> pass() {
        return lead()
                .chain(leading -> leading ? ready().chain(this::publishBatch) : Uni.createFrom().item(0))
                .onFailure().invoke(e -> {
                    failedPasses.increment();
                    LOG.warnf("outbox relay %s: pass failed, the next one starts a new producer: %s", relayId(), e.toString());
                    discardProducer(Duration.ZERO);
                });
    }

    /** Whether this instance holds the relay lock, taking it when free. */
    private Uni<Boolean> lead() {
        SqlConnection held = leader;
        if (held != null) {
            return held.query("select 1").execute().replaceWith(true)
                    .onFailure().recoverWithItem(e -> {
                        LOG.warnf("outbox relay %s: lost the lock's connection, stepping down: %s", relayId(), e.toString());
                        leader = null;
                        discardProducer(Duration.ZERO);
                        return false;
                    });
        }
        return pool.getConnection().chain(conn -> conn.preparedQuery("select pg_try_advisory_lock($1)")
                .execute(Tuple.of(RELAY_LOCK))
                .map(rows -> rows.iterator().next().getBoolean(0))
                .onFailure().call(conn::close)
                .call(won -> won ? Uni.createFrom().voidItem() : conn.close())
                .invoke(won -> {
                    if (won) {
                        leader = conn;
                        LOG.infof("outbox relay %s: this instance relays", relayId());
                    }
                }));
    }

    /**
     * The producer to publish with; a new one fences its predecessors, and the rows of the last batch they
     * committed are stamped before anything else is published.
     */
    private Uni<KafkaProducer<String, String>> ready() {
        KafkaProducer<String, String> current = producer;
        if (current != null) {
            return Uni.createFrom().item(current);
        }
        return Uni.createFrom().item(() -> {
            KafkaProducer<String, String> fresh = newProducer();
            try {
                fresh.initTransactions();
                positionPartitions = fresh.partitionsFor(Topics.OUTBOX_POSITIONS).size();
                long[] last = positions.last(config.batchSize(), config.transactionTimeout()).orElse(new long[0]);
                return new Recovery(fresh, last);
            } catch (Exception e) {
                fresh.close(Duration.ZERO);
                throw new IllegalStateException("cannot start the transactional producer: " + e, e);
            }
        })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(recovery -> stamp(recovery.lastBatch())
                        .invoke(stamped -> {
                            if (stamped > 0) {
                                recovered.increment(stamped);
                                LOG.infof("outbox relay %s: %d rows of the last committed batch were on the wire"
                                        + " already; stamped sent, not re-published", relayId(), stamped);
                            }
                        })
                        .onFailure().invoke(() -> recovery.producer().close(Duration.ZERO))
                        .replaceWith(recovery.producer()))
                .invoke(ready -> producer = ready);
    }

    @io.quarkus.runtime.annotations.RegisterForReflection
    private record Recovery(KafkaProducer<String, String> producer, long[] lastBatch) {
    }

    private Uni<Integer> publishBatch(KafkaProducer<String, String> p) {
        return pool.preparedQuery("select seq, topic, msg_key, event_type, payload from cc_outbox"
                + " where sent_at is null order by seq limit $1")
                .execute(Tuple.of(config.batchSize()))
                .chain(rows -> {
                    List<Row> batch = new ArrayList<>();
                    rows.forEach(batch::add);
                    if (batch.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    long[] seqs = batch.stream().mapToLong(r -> r.getLong("seq")).toArray();
                    List<ProducerRecord<String, String>> records = batch.stream().map(OutboxRelay::record).toList();
                    return Uni.createFrom().item(() -> {
                        transact(p, records, seqs);
                        return seqs;
                    })
                            // the producer's transaction calls block until the broker answers
                            .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                            .ifNoItem().after(config.sendTimeout()).fail()
                            .chain(() -> stamp(seqs))
                            .invoke(() -> published.increment(batch.size()))
                            .replaceWith(batch.size());
                });
    }

    private void transact(KafkaProducer<String, String> p, List<ProducerRecord<String, String>> records, long[] seqs) {
        long started = System.nanoTime();
        p.beginTransaction();
        int half = records.size() / 2;
        for (int i = 0; i < records.size(); i++) {
            if (i == half) {
                faults.accept(FaultPoint.MID_BATCH);
            }
            p.send(records.get(i));
        }
        p.send(positions.record(seqs, positionPartitions));
        p.flush();
        faults.accept(FaultPoint.AFTER_SEND);
        p.commitTransaction();
        transactions.record(Duration.ofNanos(System.nanoTime() - started));
        faults.accept(FaultPoint.AFTER_COMMIT);
    }

    private static ProducerRecord<String, String> record(Row row) {
        ProducerRecord<String, String> record = new ProducerRecord<>(row.getString("topic"), row.getString("msg_key"),
                row.getString("payload"));
        record.headers().add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", row.getString("event_type").getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /** Marks rows sent; idempotent, so a recovery and a late stamp of the old leader may both run. */
    private Uni<Integer> stamp(long[] seqs) {
        if (seqs.length == 0) {
            return Uni.createFrom().item(0);
        }
        Long[] boxed = java.util.Arrays.stream(seqs).boxed().toArray(Long[]::new);
        return pool.preparedQuery("update cc_outbox set sent_at = now() where seq = any($1) and sent_at is null")
                .execute(Tuple.of(boxed))
                .map(io.vertx.mutiny.sqlclient.SqlResult::rowCount);
    }

    private KafkaProducer<String, String> newProducer() {
        Map<String, Object> props = KafkaClients.settings(kafkaConfig, ProducerConfig.configNames());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "cc-outbox-" + relayId());
        props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) config.transactionTimeout().toMillis());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 8_000);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + relayId() + "-" + ProcessHandle.current().pid());
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private void discardProducer(Duration grace) {
        KafkaProducer<String, String> p = producer;
        producer = null;
        if (p != null) {
            try {
                p.close(grace);
            } catch (RuntimeException e) {
                LOG.debugf("closing the relay producer: %s", e);
            }
        }
    }

    /**
     * Drops the producer and the lock as a killed process would: no abort, no flush, no stamp. For tests that
     * crash the relay in-process; the next relay of this database must recover.
     */
    public void crash() {
        discardProducer(Duration.ZERO);
        releaseLock();
    }

    /**
     * Gives the lock back and the connection to the pool. A pooled connection is not closed by {@code close()}, so
     * without the explicit unlock its session would keep the lock for whoever borrows it next. (A process that dies
     * loses its connections, and PostgreSQL frees the lock by itself.)
     */
    private void releaseLock() {
        SqlConnection held = leader;
        leader = null;
        if (held != null) {
            try {
                held.preparedQuery("select pg_advisory_unlock($1)").execute(Tuple.of(RELAY_LOCK))
                        .onFailure().recoverWithNull()
                        .chain(held::close)
                        .await().atMost(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                LOG.debugf("releasing the relay lock: %s", e);
            }
        }
    }

    /** Keeps the tables small: sent rows and old inbox ids are only needed for a while. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> housekeeping() {
        return pool.preparedQuery("delete from cc_outbox where sent_at < now() - make_interval(secs => $1)")
                .execute(Tuple.of((double) config.sentRetention().toSeconds()))
                .chain(() -> pool.preparedQuery("delete from cc_inbox where received_at < now() - make_interval(secs => $1)")
                        .execute(Tuple.of((double) config.inboxRetention().toSeconds())))
                .replaceWithVoid();
    }

    /** Closes the producer (aborting nothing: no pass is running at shutdown) and releases the lock. */
    @PreDestroy
    public void close() {
        discardProducer(Duration.ofSeconds(5));
        releaseLock();
    }

    /** Another pass holds the relay; {@link #relayOnce} waits its turn. */
    private static final class PassRunning extends RuntimeException {
        PassRunning() {
            super(null, null, false, false);
        }
    }
}
