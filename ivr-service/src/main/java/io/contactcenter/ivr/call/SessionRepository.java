package io.contactcenter.ivr.call;

import static io.contactcenter.events.sql.Sql.instant;
import static io.contactcenter.events.sql.Sql.utc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.ivr.flow.HoldTreatment;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

@ApplicationScoped
public class SessionRepository {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final ObjectMapper mapper;

    public SessionRepository(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public Uni<Void> insert(SqlClient tx, Session s, Instant now) {
        return tx.preparedQuery("insert into ivr_session (id, call_id, contact_id, flow_id, flow_version, from_number, to_number,"
                        + " state, node, variables, retries, waiting, queue_id, enqueued_at, hold, agent_id, after_call, outcome,"
                        + " started_at, updated_at, ended_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::text::jsonb, $11,"
                        + " $12, $13, $14, $15::text::jsonb, $16, $17, $18, $19, $19, $20)")
                .execute(Tuple.from(Arrays.asList(s.id(), s.callId(), s.contactId(), s.flowId(), s.flowVersion(), s.from(),
                        s.to(), s.state(), s.node(), json(s.variables()), s.retries(), s.waiting(), s.queueId(),
                        utc(s.enqueuedAt()), json(s.hold()), s.agentId(), s.afterCall(), s.outcome(), utc(now),
                        "ENDED".equals(s.state()) ? utc(now) : null)))
                .replaceWithVoid();
    }

    /** Writes the new state if nobody else did meanwhile; false if the session moved on (concurrent event). */
    public Uni<Boolean> update(SqlClient tx, Session s, Instant now) {
        return tx.preparedQuery("update ivr_session set state = $3::varchar, node = $4, variables = $5::text::jsonb, retries = $6,"
                        + " waiting = $7, queue_id = $8, enqueued_at = $9, hold = $10::text::jsonb, agent_id = $11,"
                        + " after_call = $12, outcome = $13, updated_at = $14,"
                        + " ended_at = case when $3::varchar = 'ENDED' then $14::timestamptz else null end, version = version + 1"
                        + " where id = $1 and version = $2")
                .execute(Tuple.from(Arrays.asList(s.id(), s.version(), s.state(), s.node(), json(s.variables()), s.retries(),
                        s.waiting(), s.queueId(), utc(s.enqueuedAt()), json(s.hold()), s.agentId(), s.afterCall(), s.outcome(),
                        utc(now))))
                .map(rows -> rows.rowCount() == 1);
    }

    public Uni<Session> find(SqlClient client, String id) {
        return client.preparedQuery("select *, variables::text as vars, hold::text as hold_json from ivr_session where id = $1")
                .execute(Tuple.of(id)).map(rows -> rows.size() == 0 ? null : session(rows.iterator().next()));
    }

    public Uni<Session> byCall(SqlClient client, String callId) {
        return client.preparedQuery("select *, variables::text as vars, hold::text as hold_json from ivr_session where call_id = $1")
                .execute(Tuple.of(callId)).map(rows -> rows.size() == 0 ? null : session(rows.iterator().next()));
    }

    public Uni<Session> byContact(SqlClient client, String contactId) {
        return client.preparedQuery("select *, variables::text as vars, hold::text as hold_json from ivr_session where contact_id = $1")
                .execute(Tuple.of(contactId)).map(rows -> rows.size() == 0 ? null : session(rows.iterator().next()));
    }

    private Session session(Row r) {
        return new Session(r.getString("id"), r.getString("call_id"), r.getString("contact_id"), r.getString("flow_id"),
                r.getInteger("flow_version"), r.getString("from_number"), r.getString("to_number"), r.getString("state"),
                r.getString("node"), read(r.getString("vars"), MAP), r.getInteger("retries"), r.getBoolean("waiting"),
                r.getString("queue_id"), instant(r, "enqueued_at"),
                r.getString("hold_json") == null ? null : read(r.getString("hold_json"), new TypeReference<HoldTreatment.State>() { }),
                r.getString("agent_id"), r.getString("after_call"), r.getString("outcome"), instant(r, "started_at"),
                r.getInteger("version"));
    }

    private String json(Object value) {
        try {
            return value == null ? null : mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable session column", e);
        }
    }
}
