package io.contactcenter.events.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.events.EventTypes;
import io.contactcenter.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Where a consumer parks a record it could not process after its retries: in {@code cc_dead_letter} with the error,
 * announced on {@link Topics#DEAD_LETTERS} through the outbox, and its event id claimed in the inbox, all in one
 * transaction, so the partition moves on and nothing is lost. An operator lists them and replays one: its claim is
 * released and the original record published again to its topic, where every other consumer group skips it as a
 * duplicate and this one processes it again.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final int MAX_ERROR = 2000;

    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final MeterRegistry registry;

    public DeadLetters(Outbox outbox, ObjectMapper mapper, MeterRegistry registry) {
        this.outbox = outbox;
        this.mapper = mapper;
        this.registry = registry;
    }

    /** A record as it arrived: enough to say what it was and to publish it again. */
    @io.quarkus.runtime.annotations.RegisterForReflection
    public record Parked(String eventId, String type, String subject, String topic, String payload) {
    }

    /** A dead letter as the admin API shows it; the payload is left out (it may hold personal data), its size is not. */
    @io.quarkus.runtime.annotations.RegisterForReflection
    public record View(String consumer, String eventId, String eventType, String subject, String topic, String error,
            int attempts, Instant parkedAt, int replays, Instant replayedAt, Integer payloadBytes) {
    }

    /** Parks {@code record} for {@code consumer} on {@code tx} (claim, row, announcement); a second parking updates. */
    public Uni<Void> park(SqlClient tx, String consumer, Parked record, Throwable error, int attempts) {
        String why = describe(error);
        Map<String, Object> announcement = new LinkedHashMap<>();
        announcement.put("consumer", consumer);
        announcement.put("eventId", record.eventId());
        announcement.put("eventType", record.type());
        announcement.put("topic", record.topic());
        announcement.put("error", why);
        announcement.put("record", record.payload());
        String json;
        try {
            json = mapper.writeValueAsString(announcement);
        } catch (Exception e) {
            return Uni.createFrom().failure(e);
        }
        return tx.preparedQuery("insert into cc_inbox (consumer, event_id) values ($1, $2) on conflict do nothing")
                .execute(Tuple.of(consumer, storable(record.eventId())))
                .chain(() -> tx.preparedQuery("insert into cc_dead_letter (consumer, event_id, event_type, subject, topic,"
                        + " payload, error, attempts) values ($1, $2, $3, $4, $5, $6, $7, $8)"
                        + " on conflict (consumer, event_id) do update set error = excluded.error,"
                        + " attempts = cc_dead_letter.attempts + excluded.attempts, parked_at = now()")
                        .execute(Tuple.from(java.util.Arrays.asList(consumer, storable(record.eventId()),
                                storable(record.type()), storable(record.subject()), storable(record.topic()),
                                storable(record.payload()), storable(why), attempts))))
                .chain(() -> outbox.stageRaw(tx, Topics.DEAD_LETTERS, consumer, EventTypes.DEAD_LETTER_PARKED, json))
                .invoke(() -> {
                    registry.counter("cc.dead.letters", "consumer", consumer).increment();
                    LOG.errorf("%s parked event %s (%s) as a dead letter after %d attempts: %s", consumer,
                            record.eventId(), record.type(), attempts, why);
                });
    }

    public Uni<List<View>> list(Pool pool, String consumer, int limit) {
        return pool.preparedQuery("select consumer, event_id, event_type, subject, topic, error, attempts, parked_at,"
                + " replays, replayed_at, octet_length(payload) as payload_bytes from cc_dead_letter"
                + " where ($1::varchar is null or consumer = $1) order by parked_at desc limit $2")
                .execute(Tuple.of(consumer, limit))
                .map(rows -> {
                    List<View> out = new ArrayList<>();
                    rows.forEach(r -> out.add(view(r)));
                    return out;
                });
    }

    /**
     * Publishes the parked record again to its topic and releases its claim, in one transaction. Null when there is
     * no such dead letter; fails with {@link IllegalStateException} when its record was not kept.
     */
    public Uni<View> replay(Pool pool, String consumer, String eventId) {
        return pool.withTransaction(tx -> tx.preparedQuery("select * from cc_dead_letter where consumer = $1 and event_id = $2"
                + " for update").execute(Tuple.of(consumer, eventId))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().nullItem();
                    }
                    Row r = rows.iterator().next();
                    if (r.getString("payload") == null || r.getString("topic") == null) {
                        return Uni.createFrom().failure(new IllegalStateException("dead letter " + eventId
                                + " of " + consumer + " was parked without its record; it cannot be replayed"));
                    }
                    return tx.preparedQuery("delete from cc_inbox where consumer = $1 and event_id = $2")
                            .execute(Tuple.of(consumer, eventId))
                            .chain(() -> outbox.stageRaw(tx, r.getString("topic"), r.getString("subject") == null
                                    ? eventId : r.getString("subject"), r.getString("event_type"), r.getString("payload")))
                            .chain(() -> tx.preparedQuery("update cc_dead_letter set replays = replays + 1,"
                                    + " replayed_at = now() where consumer = $1 and event_id = $2 returning consumer, event_id,"
                                    + " event_type, subject, topic, error, attempts, parked_at, replays, replayed_at,"
                                    + " octet_length(payload) as payload_bytes").execute(Tuple.of(consumer, eventId)))
                            .map(updated -> view(updated.iterator().next()));
                }))
                .invoke(v -> {
                    if (v != null) {
                        registry.counter("cc.dead.letters.replayed", "consumer", consumer).increment();
                    }
                });
    }

    private static View view(Row r) {
        return new View(r.getString("consumer"), r.getString("event_id"), r.getString("event_type"),
                r.getString("subject"), r.getString("topic"), r.getString("error"), r.getInteger("attempts"),
                instant(r, "parked_at"), r.getInteger("replays"), instant(r, "replayed_at"), r.getInteger("payload_bytes"));
    }

    private static Instant instant(Row r, String column) {
        var t = r.getOffsetDateTime(column);
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC).toInstant();
    }

    /**
     * PostgreSQL text holds no NUL character, and a record that carries one is a typical poison: parking it must not
     * fail for the same reason. (The JSON payload escapes it and stays replayable as it was.)
     */
    private static String storable(String text) {
        return text == null ? null : text.replace('\u0000', '\uFFFD');
    }

    private static String describe(Throwable error) {
        StringBuilder why = new StringBuilder();
        for (Throwable t = error; t != null && why.length() < MAX_ERROR; t = t.getCause() == t ? null : t.getCause()) {
            if (!why.isEmpty()) {
                why.append(" <- ");
            }
            why.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        return why.length() > MAX_ERROR ? why.substring(0, MAX_ERROR) : why.toString();
    }
}
