package io.contactcenter.events.outbox;

import io.contactcenter.events.CloudEvent;
import io.contactcenter.events.EventCodec;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Writes events into the {@code cc_outbox} table inside the caller's transaction, so the state change
 * and the events announcing it commit (or roll back) together. {@link OutboxRelay} publishes them.
 */
@ApplicationScoped
public class Outbox {

    private static final String SQL_INSERT = "insert into cc_outbox (event_id, topic, msg_key, event_type, payload)"
            + " values ($1, $2, $3, $4, $5)";

    private final EventCodec codec;

    public Outbox(EventCodec codec) {
        this.codec = codec;
    }

    /**
     * Creates an event of {@code type} about {@code subject} and stages it on {@code tx}, which must be the
     * connection of the open transaction that writes the state change.
     */
    public Uni<CloudEvent> publish(SqlClient tx, String type, String subject, Object data) {
        CloudEvent event = codec.create(type, subject, data);
        return tx.preparedQuery(SQL_INSERT)
                .execute(Tuple.of(event.id(), event.topic(), event.subject(), event.type(), codec.write(event)))
                .replaceWith(event);
    }

    /**
     * Stages an already serialised record for {@code topic} (a dead letter replayed as it first arrived); the row gets
     * an id of its own, the payload keeps the event's.
     */
    public Uni<Void> stageRaw(SqlClient tx, String topic, String key, String type, String payload) {
        return tx.preparedQuery(SQL_INSERT)
                .execute(Tuple.of(io.contactcenter.events.Ids.newId(), topic, key, type, payload))
                .replaceWithVoid();
    }

    /** Stages already created events on {@code tx} in one batch, in list order. */
    public Uni<Void> addAll(SqlClient tx, List<CloudEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery(SQL_INSERT)
                .executeBatch(events.stream().map(e -> Tuple.of(e.id(), e.topic(), e.subject(), e.type(), codec.write(e)))
                        .toList())
                .replaceWithVoid();
    }
}
