package io.contactcenter.routing.support;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * PostgreSQL NOTIFY inside the writing transaction: delivered to every replica only if it commits. Wakes
 * the routing pass wherever it runs, and tells the replica holding an agent's offer stream about a new offer.
 */
@ApplicationScoped
public class Signals {

    public static final String WAKE = "routing_wake";
    public static final String OFFER = "routing_offer";

    public Uni<Void> wake(SqlClient tx) {
        return tx.query("select pg_notify('" + WAKE + "', '')").execute().replaceWithVoid();
    }

    /** Payload {@code agentId offerId} per offer. */
    public Uni<Void> offers(SqlClient tx, List<String[]> agentAndOffer) {
        if (agentAndOffer.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery("select pg_notify('" + OFFER + "', $1)")
                .executeBatch(agentAndOffer.stream().map(p -> Tuple.of(p[0] + " " + p[1])).toList())
                .replaceWithVoid();
    }
}
