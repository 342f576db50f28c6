package io.contactcenter.routing.offer;

import static io.contactcenter.events.sql.Sql.instant;
import static io.contactcenter.events.sql.Sql.utc;

import io.contactcenter.events.Channel;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** SQL for {@code routing_offer}. */
@ApplicationScoped
public class OfferRepository {

    private static final String COLUMNS = "id, contact_id, agent_id, queue_id, channel, status, offered_at, expires_at";

    public Uni<OfferRow> find(SqlClient db, String id) {
        return one(db.preparedQuery("select " + COLUMNS + " from routing_offer where id = $1").execute(Tuple.of(id)));
    }

    public Uni<OfferRow> lock(SqlClient tx, String id) {
        return one(tx.preparedQuery("select " + COLUMNS + " from routing_offer where id = $1 for update")
                .execute(Tuple.of(id)));
    }

    /** The contact's pending or accepted offer, locked; null when there is none. */
    public Uni<OfferRow> lockLive(SqlClient tx, String contactId) {
        return one(tx.preparedQuery("select " + COLUMNS + " from routing_offer where contact_id = $1"
                + " and status in ('PENDING', 'ACCEPTED') for update").execute(Tuple.of(contactId)));
    }

    public Uni<List<OfferRow>> pendingFor(SqlClient db, String agentId) {
        return db.preparedQuery("select " + COLUMNS + " from routing_offer where agent_id = $1 and status = 'PENDING'"
                + " order by offered_at").execute(Tuple.of(agentId)).map(this::all);
    }

    public Uni<List<OfferRow>> expired(SqlClient db, Instant now, int limit) {
        return db.preparedQuery("select " + COLUMNS + " from routing_offer where status = 'PENDING'"
                + " and expires_at <= $1 order by expires_at limit $2").execute(Tuple.of(utc(now), limit)).map(this::all);
    }

    public Uni<Void> insertAll(SqlClient tx, List<OfferRow> offers) {
        if (offers.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery("insert into routing_offer (" + COLUMNS + ") values ($1, $2, $3, $4, $5, $6, $7, $8)")
                .executeBatch(offers.stream().map(o -> Tuple.from(new Object[] {o.id(), o.contactId(), o.agentId(),
                        o.queueId(), o.channel().name(), o.status().name(), utc(o.offeredAt()), utc(o.expiresAt())}))
                        .toList())
                .replaceWithVoid();
    }

    /** Moves a live offer on: a response (accept, reject, timeout, cancel) or the end of the contact. */
    public Uni<Void> setStatus(SqlClient tx, String id, OfferStatus status, Instant now) {
        String column = status == OfferStatus.ENDED ? "ended_at" : "responded_at";
        String alsoEnd = status == OfferStatus.ACCEPTED || status == OfferStatus.ENDED ? "" : ", ended_at = $3";
        return tx.preparedQuery("update routing_offer set status = $2, " + column + " = $3" + alsoEnd + " where id = $1")
                .execute(Tuple.of(id, status.name(), utc(now))).replaceWithVoid();
    }

    private Uni<OfferRow> one(Uni<io.vertx.mutiny.sqlclient.RowSet<Row>> rows) {
        return rows.map(set -> {
            var it = set.iterator();
            return it.hasNext() ? map(it.next()) : null;
        });
    }

    private List<OfferRow> all(Iterable<Row> rows) {
        List<OfferRow> out = new ArrayList<>();
        rows.forEach(r -> out.add(map(r)));
        return out;
    }

    private OfferRow map(Row r) {
        return new OfferRow(r.getString("id"), r.getString("contact_id"), r.getString("agent_id"),
                r.getString("queue_id"), Channel.valueOf(r.getString("channel")),
                OfferStatus.valueOf(r.getString("status")), instant(r, "offered_at"), instant(r, "expires_at"));
    }
}
