package io.contactcenter.events.outbox;

import io.contactcenter.events.CloudEvent;
import io.contactcenter.events.KafkaClients;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.PreDestroy;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicBoolean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka, oldest first, then marks them sent.
 *
 * <p>Only one relay per database works at a time (transaction-scoped advisory lock), so events of one
 * key leave in commit order even with several replicas. Delivery is at-least-once: a crash after Kafka
 * acknowledged but before {@code sent_at} committed re-sends the batch, and consumers drop the duplicate
 * by event id ({@link Inbox}). The idempotent producer keeps per-partition order across retries.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Arbitrary constant naming the relay's advisory lock; each service has its own database. */
    private static final long RELAY_LOCK = 0x0C0_0B0;

    private final Pool pool;
    private final OutboxConfig config;
    private final Map<String, Object> kafkaConfig;
    private final Counter published;
    private final Counter failedPasses;
    private volatile KafkaProducer<String, String> producer;
    private volatile boolean paused;
    private final AtomicBoolean running = new AtomicBoolean();
    private Vertx vertx;
    private long timer;

    public OutboxRelay(Pool pool, OutboxConfig config,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, MeterRegistry registry) {
        this.pool = pool;
        this.config = config;
        this.kafkaConfig = kafkaConfig;
        this.published = registry.counter("cc.outbox.published");
        this.failedPasses = registry.counter("cc.outbox.failed.passes");
    }

    /**
     * Polls on a Vert.x timer rather than {@code @Scheduled}: the Quarkus scheduler does not go below one
     * second, and every poll interval is added to the latency of every event.
     */
    void start(@Observes StartupEvent startup, Vertx vertx) {
        long every = Math.max(10, config.pollInterval().toMillis());
        timer = vertx.setPeriodic(every, id -> {
            if (running.compareAndSet(false, true)) {
                tick().subscribe().with(ok -> running.set(false), e -> running.set(false));
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

    Uni<Void> tick() {
        if (!config.relayEnabled() || paused) {
            return Uni.createFrom().voidItem();
        }
        return relayOnce()
                .onFailure().invoke(e -> {
                    failedPasses.increment();
                    LOG.warnf("outbox relay pass failed, will retry: %s", e.toString());
                })
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Stops publishing (as a crashed relay would) until {@link #resume()}; rows keep accumulating. */
    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
    }

    /** One pass: publishes up to a batch of unsent rows; returns how many were published. */
    public Uni<Integer> relayOnce() {
        return pool.withTransaction(conn -> conn.preparedQuery("select pg_try_advisory_xact_lock($1)")
                .execute(Tuple.of(RELAY_LOCK))
                .chain(rows -> rows.iterator().next().getBoolean(0)
                        ? publishBatch(conn)
                        : Uni.createFrom().item(0)));
    }

    private Uni<Integer> publishBatch(SqlConnection conn) {
        return conn.preparedQuery("select seq, topic, msg_key, event_type, payload from cc_outbox"
                + " where sent_at is null order by seq limit $1")
                .execute(Tuple.of(config.batchSize()))
                .chain(rows -> {
                    List<Row> batch = new ArrayList<>();
                    rows.forEach(batch::add);
                    if (batch.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    Long[] seqs = batch.stream().map(r -> r.getLong("seq")).toArray(Long[]::new);
                    return send(batch)
                            .chain(() -> conn.preparedQuery("update cc_outbox set sent_at = now() where seq = any($1)")
                                    .execute(Tuple.of(seqs)))
                            .invoke(() -> published.increment(batch.size()))
                            .replaceWith(batch.size());
                });
    }

    /** Sends in sequence order and completes when Kafka has acknowledged every record. */
    private Uni<Void> send(List<Row> batch) {
        return Uni.createFrom().<Void>emitter(emitter -> {
            KafkaProducer<String, String> p = producer();
            int[] pending = {batch.size()};
            boolean[] failed = {false};
            for (Row row : batch) {
                ProducerRecord<String, String> record = new ProducerRecord<>(row.getString("topic"),
                        row.getString("msg_key"), row.getString("payload"));
                record.headers().add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
                record.headers().add("ce_type", row.getString("event_type").getBytes(StandardCharsets.UTF_8));
                p.send(record, (meta, error) -> {
                    synchronized (pending) {
                        if (failed[0]) {
                            return;
                        }
                        if (error != null) {
                            failed[0] = true;
                            emitter.fail(error);
                        } else if (--pending[0] == 0) {
                            emitter.complete(null);
                        }
                    }
                });
            }
        })
                // send() may block while topic metadata is fetched: keep it off the event loop
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .ifNoItem().after(config.sendTimeout()).fail();
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    Map<String, Object> props = KafkaClients.settings(kafkaConfig, ProducerConfig.configNames());
                    props.put(ProducerConfig.ACKS_CONFIG, "all");
                    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                    props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
                    props.put(ProducerConfig.LINGER_MS_CONFIG, 1);
                    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
                    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
                    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 8_000);
                    props.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + ProcessHandle.current().pid());
                    producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
                }
            }
        }
        return producer;
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

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }
}
