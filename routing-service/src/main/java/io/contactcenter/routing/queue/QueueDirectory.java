package io.contactcenter.routing.queue;

import io.contactcenter.routing.engine.QueueDefinition;
import io.contactcenter.routing.support.Json;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Queues as every replica currently knows them. Refreshed from the database by each routing pass and the
 * staffing refresh, parsing a definition only when its version changed; single lookups fall back to SQL.
 */
@ApplicationScoped
public class QueueDirectory {

    private static final String SELECT = "select id, definition, definition_version, rr_last_agent, aht_seconds,"
            + " aht_samples from routing_queue";

    private final Json json;
    private volatile Map<String, QueueRow> queues = new ConcurrentHashMap<>();

    public QueueDirectory(Json json) {
        this.json = json;
    }

    public Uni<Map<String, QueueRow>> refresh(SqlClient db) {
        return db.query(SELECT).execute().map(rows -> {
            Map<String, QueueRow> next = new ConcurrentHashMap<>();
            for (Row r : rows) {
                next.put(r.getString("id"), map(r));
            }
            queues = next;
            return next;
        });
    }

    public Uni<QueueRow> find(SqlClient db, String id) {
        return db.preparedQuery(SELECT + " where id = $1").execute(Tuple.of(id)).map(rows -> {
            var it = rows.iterator();
            return it.hasNext() ? map(it.next()) : null;
        });
    }

    public Map<String, QueueRow> current() {
        return queues;
    }

    public Collection<QueueRow> all() {
        return queues.values();
    }

    public Map<String, QueueDefinition> definitions() {
        Map<String, QueueDefinition> out = new HashMap<>();
        queues.forEach((id, row) -> out.put(id, row.definition()));
        return out;
    }

    private QueueRow map(Row r) {
        String id = r.getString("id");
        long version = r.getLong("definition_version");
        QueueRow known = queues.get(id);
        QueueDefinition definition = known != null && known.definitionVersion() == version
                ? known.definition()
                : json.read(r.getString("definition"), QueueDefinition.class);
        return new QueueRow(id, definition, version, r.getString("rr_last_agent"), r.getDouble("aht_seconds"),
                r.getLong("aht_samples"));
    }
}
