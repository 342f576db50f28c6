package io.contactcenter.routing.contact;

import static io.contactcenter.events.sql.Sql.instant;
import static io.contactcenter.events.sql.Sql.utc;

import io.contactcenter.events.Channel;
import io.contactcenter.routing.support.Json;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** SQL for {@code routing_contact}. */
@ApplicationScoped
public class ContactRepository {

    static final String COLUMNS = "id, queue_id, channel, priority, state, attributes, required_skills,"
            + " parent_contact_id, entered_at, queued_at, virtual_start_time, preferred_agent_id, preferred_until,"
            + " excluded, overflow_step, widened, agent_id, answered_at, ended_at, outcome, outcome_detail,"
            + " position_at_entry, ewt_at_entry, version";

    private final Json json;

    public ContactRepository(Json json) {
        this.json = json;
    }

    public Uni<ContactRow> find(SqlClient db, String id) {
        return one(db, "select " + COLUMNS + " from routing_contact where id = $1", id);
    }

    public Uni<ContactRow> lock(SqlClient tx, String id) {
        return one(tx, "select " + COLUMNS + " from routing_contact where id = $1 for update", id);
    }

    /** Waiting contacts, most urgent first by stored priority (aging re-sorts in the matcher). */
    public Uni<List<ContactRow>> waiting(SqlClient db, int limit) {
        return db.preparedQuery("select " + COLUMNS + " from routing_contact where state = 'QUEUED'"
                + " order by priority desc, virtual_start_time limit $1")
                .execute(Tuple.of(limit)).map(this::all);
    }

    /** Queues with contacts waiting. */
    public Uni<List<String>> queuesWithWaiting(SqlClient db) {
        return db.query("select distinct queue_id from routing_contact where state = 'QUEUED'").execute()
                .map(rows -> {
                    List<String> out = new ArrayList<>();
                    rows.forEach(r -> out.add(r.getString(0)));
                    return out;
                });
    }

    /**
     * Waiting contacts of {@code queueIds} for a routing pass, most urgent first, without their attributes
     * (only the few that get an offer need them: {@link #attributes}).
     */
    public Uni<List<ContactRow>> waitingForPass(SqlClient db, String[] queueIds, int limit) {
        return db.preparedQuery("select " + COLUMNS.replace("attributes,", "null as attributes,")
                + " from routing_contact where state = 'QUEUED' and queue_id = any($1)"
                + " order by priority desc, virtual_start_time limit $2")
                .execute(Tuple.of(queueIds, limit)).map(this::all);
    }

    public Uni<Map<String, Map<String, String>>> attributes(SqlClient db, String[] ids) {
        return db.preparedQuery("select id, attributes from routing_contact where id = any($1)")
                .execute(Tuple.of((Object) ids)).map(rows -> {
                    Map<String, Map<String, String>> out = new java.util.HashMap<>();
                    rows.forEach(r -> out.put(r.getString("id"), json.read(r.getString("attributes"), Json.STRINGS, Map.of())));
                    return out;
                });
    }

    public Uni<List<ContactRow>> waitingIn(SqlClient db, String queueId, int limit) {
        return db.preparedQuery("select " + COLUMNS + " from routing_contact where state = 'QUEUED' and queue_id = $1"
                + " order by priority desc, virtual_start_time limit $2")
                .execute(Tuple.of(queueId, limit)).map(this::all);
    }

    /** 1 for the next contact served: waiting contacts of the queue ahead of one with this priority and start. */
    public Uni<Integer> position(SqlClient db, String queueId, int priority, Instant virtualStart, String id) {
        return db.preparedQuery("select count(*) from routing_contact where state = 'QUEUED' and queue_id = $1"
                + " and id <> $4 and (priority > $2 or (priority = $2 and virtual_start_time <= $3))")
                .execute(Tuple.of(queueId, priority, utc(virtualStart), id))
                .map(rows -> rows.iterator().next().getInteger(0) + 1);
    }

    public Uni<Integer> waitingCount(SqlClient db, String queueId) {
        return db.preparedQuery("select count(*) from routing_contact where state = 'QUEUED' and queue_id = $1")
                .execute(Tuple.of(queueId)).map(rows -> rows.iterator().next().getInteger(0));
    }

    /** Inserts a new contact; false (and nothing written) when the id exists already. */
    public Uni<Boolean> insert(SqlClient tx, ContactRow c) {
        return tx.preparedQuery("insert into routing_contact (" + COLUMNS + ") values ($1, $2, $3, $4, $5, $6, $7,"
                + " $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, 0)"
                + " on conflict (id) do nothing")
                .execute(Tuple.from(new Object[] {c.id, c.queueId, c.channel.name(), c.priority, c.state.name(),
                        json.write(c.attributes), json.write(c.requiredSkills), c.parentContactId, utc(c.enteredAt),
                        utc(c.queuedAt), utc(c.virtualStartTime), c.preferredAgentId, utc(c.preferredUntil),
                        json.write(c.excluded), c.overflowStep, c.widened, c.agentId, utc(c.answeredAt),
                        utc(c.endedAt), c.outcome, c.outcomeDetail, c.positionAtEntry, c.ewtAtEntry}))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Writes the mutable columns of a row locked in this transaction and bumps its version. */
    public Uni<Void> save(SqlClient tx, ContactRow c) {
        return tx.preparedQuery("update routing_contact set queue_id = $2, priority = $3, state = $4, queued_at = $5,"
                + " virtual_start_time = $6, preferred_agent_id = $7, preferred_until = $8, excluded = $9,"
                + " overflow_step = $10, widened = $11, agent_id = $12, answered_at = $13, ended_at = $14,"
                + " outcome = $15, outcome_detail = $16, version = version + 1 where id = $1 and version = $17")
                .execute(Tuple.from(new Object[] {c.id, c.queueId, c.priority, c.state.name(), utc(c.queuedAt),
                        utc(c.virtualStartTime), c.preferredAgentId, utc(c.preferredUntil), json.write(c.excluded),
                        c.overflowStep, c.widened, c.agentId, utc(c.answeredAt), utc(c.endedAt), c.outcome,
                        c.outcomeDetail, c.version}))
                .invoke(rows -> {
                    if (rows.rowCount() != 1) {
                        throw new IllegalStateException("contact " + c.id + " changed under its lock");
                    }
                    c.version++;
                })
                .replaceWithVoid();
    }

    private Uni<ContactRow> one(SqlClient db, String sql, String id) {
        return db.preparedQuery(sql).execute(Tuple.of(id)).map(rows -> {
            var it = rows.iterator();
            return it.hasNext() ? map(it.next()) : null;
        });
    }

    private List<ContactRow> all(Iterable<Row> rows) {
        List<ContactRow> out = new ArrayList<>();
        rows.forEach(r -> out.add(map(r)));
        return out;
    }

    ContactRow map(Row r) {
        ContactRow c = new ContactRow();
        c.id = r.getString("id");
        c.queueId = r.getString("queue_id");
        c.channel = Channel.valueOf(r.getString("channel"));
        c.priority = r.getInteger("priority");
        c.state = ContactState.valueOf(r.getString("state"));
        c.attributes = json.read(r.getString("attributes"), Json.STRINGS, Map.of());
        c.requiredSkills = json.read(r.getString("required_skills"), Json.SKILLS, Map.of());
        c.parentContactId = r.getString("parent_contact_id");
        c.enteredAt = instant(r, "entered_at");
        c.queuedAt = instant(r, "queued_at");
        c.virtualStartTime = instant(r, "virtual_start_time");
        c.preferredAgentId = r.getString("preferred_agent_id");
        c.preferredUntil = instant(r, "preferred_until");
        String excluded = r.getString("excluded");
        c.excluded = excluded == null || excluded.equals("{}") ? Map.of() : json.read(excluded, Json.UNTIL, Map.of());
        c.overflowStep = r.getInteger("overflow_step");
        c.widened = r.getBoolean("widened");
        c.agentId = r.getString("agent_id");
        c.answeredAt = instant(r, "answered_at");
        c.endedAt = instant(r, "ended_at");
        c.outcome = r.getString("outcome");
        c.outcomeDetail = r.getString("outcome_detail");
        c.positionAtEntry = r.getInteger("position_at_entry");
        c.ewtAtEntry = r.getDouble("ewt_at_entry");
        c.version = r.getLong("version");
        return c;
    }
}
