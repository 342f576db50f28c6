package io.contactcenter.events.outbox;

import io.contactcenter.events.CloudEvent;
import io.contactcenter.events.EventCodec;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import io.smallrye.mutiny.Multi;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import org.jboss.logging.Logger;

/**
 * Consumer-side idempotence: each (consumer, event id) is processed once, in the same transaction as
 * the work it triggers, so a redelivered or replayed event changes nothing.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final EventCodec codec;
    private final MeterRegistry registry;
    private final DeadLetters deadLetters;

    public Inbox(EventCodec codec, MeterRegistry registry, DeadLetters deadLetters) {
        this.codec = codec;
        this.registry = registry;
        this.deadLetters = deadLetters;
    }

    /**
     * A batch of records in one transaction: unreadable records are skipped, every event id is claimed in one
     * statement, and {@code handler} runs for the newly claimed events in record order. One commit per batch
     * instead of per record is what lets a consumer keep up with a busy partition; a failure retries the whole
     * batch, which the claims make safe.
     *
     * @return how many events the handler ran for
     */
    public Uni<Integer> consumeBatch(String consumer, List<String> records, Pool pool,
            BiFunction<CloudEvent, SqlConnection, Uni<?>> handler) {
        return consumeBatch(consumer, records, pool, handler, conn -> Uni.createFrom().voidItem());
    }

    /**
     * As {@link #consumeBatch(String, List, Pool, BiFunction)}; events with different subjects run
     * concurrently on the transaction's connection (the client pipelines their statements), events of one
     * subject in record order, as Kafka keeps them. {@code afterBatch} runs last in the same transaction.
     */
    public Uni<Integer> consumeBatch(String consumer, List<String> records, Pool pool,
            BiFunction<CloudEvent, SqlConnection, Uni<?>> handler, Function<SqlConnection, Uni<?>> afterBatch) {
        return consumeAll(consumer, records, pool, (claimed, conn) -> {
            Map<String, List<CloudEvent>> bySubject = new LinkedHashMap<>();
            claimed.forEach(e -> bySubject.computeIfAbsent(String.valueOf(e.subject()), k -> new ArrayList<>()).add(e));
            List<Uni<Integer>> chains = bySubject.values().stream().map(list -> Multi.createFrom().iterable(list)
                    .onItem().transformToUniAndConcatenate(e -> apply(consumer, handler, e, conn))
                    .collect().asList().map(List::size)).toList();
            return Uni.join().all(chains).andFailFast().call(n -> afterBatch.apply(conn));
        });
    }

    /**
     * A batch of records in one transaction, handed over whole: {@code handler} gets the newly claimed events in
     * record order and may write them set-wise (one statement per kind of change instead of one per event). It runs
     * again from scratch, with the claims made again, if the transaction is retried.
     *
     * @return how many events were newly claimed
     */
    public Uni<Integer> consumeAll(String consumer, List<String> records, Pool pool,
            BiFunction<List<CloudEvent>, SqlConnection, Uni<?>> handler) {
        List<CloudEvent> events = new ArrayList<>();
        for (String json : records) {
            CloudEvent event = parse(consumer, json);
            if (event != null) {
                events.add(event);
            }
        }
        return consumeDecoded(consumer, events, CloudEvent::id,
                e -> new DeadLetters.Parked(e.id(), e.type(), e.subject(), e.topic(), codec.write(e)), pool, handler);
    }

    /**
     * As {@link #consumeAll}, for events the caller has already decoded (e.g. with {@link EventCodec#readTyped}, off the
     * event loop); {@code id} gives each one's event id. A dead letter of these keeps no record to replay.
     */
    public <T> Uni<Integer> consumeDecoded(String consumer, List<T> events, Function<T, String> id, Pool pool,
            BiFunction<List<T>, SqlConnection, Uni<?>> handler) {
        return consumeDecoded(consumer, events, id, e -> new DeadLetters.Parked(id.apply(e), null, null, null, null), pool,
                handler);
    }

    /**
     * The batch in one transaction. A failure the database or network caused (connection lost, serialization
     * conflict, server shutting down) retries the batch with backoff for about half a minute and then fails, so an
     * outage stops the consumer instead of dead-lettering everything. Any other failure retries twice, then the batch
     * is split and each event tried alone; an event that still fails is parked as a dead letter ({@link DeadLetters},
     * described by {@code parked}) and the rest go on, so one poison record cannot stop its partition.
     */
    public <T> Uni<Integer> consumeDecoded(String consumer, List<T> events, Function<T, String> id,
            Function<T, DeadLetters.Parked> parked, Pool pool, BiFunction<List<T>, SqlConnection, Uni<?>> handler) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return claimAndHandle(consumer, events, id, pool, handler)
                .onFailure(Inbox::transientFailure).retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(8)
                .onFailure(f -> !transientFailure(f)).retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(1)).atMost(2)
                .onFailure(f -> !transientFailure(f)).recoverWithUni(f -> {
                    if (events.size() == 1) {
                        T event = events.get(0);
                        return pool.withTransaction(tx -> deadLetters.park(tx, consumer, parked.apply(event), f, 3))
                                .replaceWith(0);
                    }
                    LOG.warnf("%s: a batch of %d failed (%s); trying its events one by one", consumer, events.size(),
                            f.toString());
                    return Multi.createFrom().iterable(events)
                            .onItem().transformToUniAndConcatenate(e -> consumeDecoded(consumer, List.of(e), id, parked,
                                    pool, handler))
                            .collect().asList().map(counts -> counts.stream().mapToInt(Integer::intValue).sum());
                });
    }

    private <T> Uni<Integer> claimAndHandle(String consumer, List<T> events, Function<T, String> id, Pool pool,
            BiFunction<List<T>, SqlConnection, Uni<?>> handler) {
        String[] ids = events.stream().map(id).toArray(String[]::new);
        return pool.withTransaction(conn -> conn.preparedQuery("insert into cc_inbox (consumer, event_id)"
                + " select $1, unnest($2::varchar[]) on conflict do nothing returning event_id")
                .execute(Tuple.of(consumer, ids))
                .chain(rows -> {
                    Set<String> claimed = new HashSet<>();
                    rows.forEach(r -> claimed.add(r.getString(0)));
                    List<T> fresh = events.stream().filter(e -> claimed.remove(id.apply(e))).toList();
                    return fresh.isEmpty() ? Uni.createFrom().item(0)
                            : handler.apply(fresh, conn).replaceWith(fresh.size());
                }))
                .invoke(n -> {
                    registry.counter("cc.inbox.events", "consumer", consumer, "result", "processed").increment(n);
                    registry.counter("cc.inbox.events", "consumer", consumer, "result", "duplicate")
                            .increment(events.size() - n);
                });
    }

    /**
     * Whether a failure came from the database or network rather than from the event: it would pass on a later try,
     * so it must never send an event to the dead letters.
     */
    static boolean transientFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof io.vertx.pgclient.PgException pg) {
                String state = pg.getSqlState() == null ? "" : pg.getSqlState();
                // connection, transaction rollback (serialization, deadlock), resources, operator intervention, system
                return state.startsWith("08") || state.startsWith("40") || state.startsWith("53")
                        || state.startsWith("57") || state.startsWith("58");
            }
            String name = t.getClass().getName();
            if (t instanceof java.io.IOException || t instanceof java.util.concurrent.TimeoutException
                    || t instanceof io.smallrye.mutiny.TimeoutException || name.endsWith("ClosedConnectionException")
                    || name.endsWith("NoStackTraceThrowable") || name.endsWith("VertxException")) {
                return true;
            }
        }
        return false;
    }

    /** Counts and skips an event whose payload does not fit its type (see {@link #apply}). */
    public void rejected(String consumer, CloudEvent event) {
        rejected(consumer, event.id(), event.type());
    }

    /** Counts and skips the event {@code eventId} of {@code type}, whose payload does not fit the type. */
    public void rejected(String consumer, String eventId, String type) {
        registry.counter("cc.inbox.rejected", "consumer", consumer).increment();
        LOG.errorf("%s skipped event %s of type %s: its payload does not match the type", consumer, eventId, type);
    }

    /** Counts and skips a record that is not a CloudEvent. */
    public void unreadable(String consumer, String problem) {
        registry.counter("cc.inbox.rejected", "consumer", consumer).increment();
        LOG.errorf("%s skipped an unreadable record: %s", consumer, problem);
    }

    /**
     * A payload that does not fit its type ({@link EventCodec#data} throws IllegalArgumentException while the handler
     * builds its work) can never succeed: it is counted and skipped, its claim kept, instead of failing the batch
     * forever and stopping the consumer. The log names the event, never its payload (it may hold personal data).
     */
    private Uni<Integer> apply(String consumer, BiFunction<CloudEvent, SqlConnection, Uni<?>> handler, CloudEvent event,
            SqlConnection conn) {
        Uni<?> work;
        try {
            work = handler.apply(event, conn);
        } catch (IllegalArgumentException e) {
            rejected(consumer, event);
            return Uni.createFrom().item(1);
        }
        return work.replaceWith(1);
    }

    private CloudEvent parse(String consumer, String json) {
        try {
            return codec.read(json);
        } catch (IllegalArgumentException e) {
            unreadable(consumer, e.getMessage());
            return null;
        }
    }
}
