package io.contactcenter.callback.request;

import static io.contactcenter.events.sql.Sql.instant;
import static io.contactcenter.events.sql.Sql.utc;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** SQL for callbacks and attempts; every method runs on the connection it is given. */
@ApplicationScoped
public class CallbackRepository {

    static final String OPEN = "('SCHEDULED', 'QUEUED', 'DIALING')";

    /** The columns the service decides on. */
    public record CallbackRow(String id, String phone, String queueId, String origin, String parentContactId,
            Instant virtualStartTime, String timeZone, Instant windowStart, Instant windowEnd, String status, int attempts,
            Instant dueAt, String contactId, String lastOutcome, String failureReason, Instant createdAt, Instant updatedAt,
            String requestedBy) {
    }

    public Uni<Void> insert(SqlClient tx, CallbackRow c) {
        return tx.preparedQuery("insert into cb_callback (id, phone, queue_id, origin, parent_contact_id, virtual_start_time,"
                        + " time_zone, window_start, window_end, status, due_at, created_at, updated_at, requested_by)"
                        + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $13)")
                .execute(Tuple.from(Arrays.asList(c.id(), c.phone(), c.queueId(), c.origin(), c.parentContactId(),
                        utc(c.virtualStartTime()), c.timeZone(), utc(c.windowStart()), utc(c.windowEnd()), c.status(),
                        utc(c.dueAt()), utc(c.createdAt()), c.requestedBy())))
                .replaceWithVoid();
    }

    public Uni<CallbackRow> find(SqlClient client, String id, boolean lock) {
        return client.preparedQuery("select * from cb_callback where id = $1" + (lock ? " for update" : ""))
                .execute(Tuple.of(id)).map(rows -> rows.size() == 0 ? null : row(rows.iterator().next()));
    }

    public Uni<CallbackRow> findOpen(SqlClient client, String phone, String queueId) {
        return client.preparedQuery("select * from cb_callback where phone = $1 and queue_id = $2 and status in " + OPEN
                        + " for update").execute(Tuple.of(phone, queueId))
                .map(rows -> rows.size() == 0 ? null : row(rows.iterator().next()));
    }

    public Uni<CallbackRow> findByContact(SqlClient client, String contactId) {
        return client.preparedQuery("select * from cb_callback where contact_id = $1 for update").execute(Tuple.of(contactId))
                .map(rows -> rows.size() == 0 ? null : row(rows.iterator().next()));
    }

    /** Due callbacks, locked; rows another instance holds are skipped, so each is dispatched by one instance. */
    public Uni<List<CallbackRow>> claimDue(SqlClient tx, Instant now, int limit) {
        return tx.preparedQuery("select * from cb_callback where status = 'SCHEDULED' and due_at <= $1 order by due_at"
                        + " limit $2 for update skip locked").execute(Tuple.of(utc(now), limit))
                .map(CallbackRepository::rows);
    }

    public Uni<Void> update(SqlClient tx, String id, String status, Instant dueAt, int attempts, String contactId,
            String lastOutcome, String failureReason, Instant now) {
        return tx.preparedQuery("update cb_callback set status = $2, due_at = $3, attempts = $4, contact_id = $5,"
                        + " last_outcome = $6, failure_reason = $7, updated_at = $8, version = version + 1 where id = $1")
                .execute(Tuple.from(Arrays.asList(id, status, utc(dueAt), attempts, contactId, lastOutcome, failureReason,
                        utc(now))))
                .replaceWithVoid();
    }

    public Uni<Void> moveWindow(SqlClient tx, String id, Instant start, Instant end, String zone, Instant due, Instant now) {
        return tx.preparedQuery("update cb_callback set window_start = $2, window_end = $3, time_zone = $4, due_at = $5,"
                        + " reminder_sent = false, updated_at = $6, version = version + 1 where id = $1")
                .execute(Tuple.from(Arrays.asList(id, utc(start), utc(end), zone, utc(due), utc(now)))).replaceWithVoid();
    }

    public Uni<Void> attemptEnqueued(SqlClient tx, String id, int attempt, String contactId, Instant due, Instant now) {
        return tx.preparedQuery("insert into cb_attempt (callback_id, attempt, contact_id, due_at, enqueued_at)"
                        + " values ($1, $2, $3, $4, $5)")
                .execute(Tuple.of(id, attempt, contactId, utc(due), utc(now))).replaceWithVoid();
    }

    public Uni<Void> attemptDialing(SqlClient tx, String id, int attempt, String agentId, Instant at) {
        return tx.preparedQuery("update cb_attempt set dialing_at = $3, agent_id = $4 where callback_id = $1 and attempt = $2")
                .execute(Tuple.of(id, attempt, utc(at), agentId)).replaceWithVoid();
    }

    public Uni<Void> attemptEnded(SqlClient tx, String id, int attempt, String outcome, Instant at) {
        return tx.preparedQuery("update cb_attempt set outcome = $3, ended_at = $4 where callback_id = $1 and attempt = $2")
                .execute(Tuple.of(id, attempt, outcome, utc(at))).replaceWithVoid();
    }

    public Uni<List<CallbackView.Attempt>> attempts(SqlClient client, String id) {
        return client.preparedQuery("select * from cb_attempt where callback_id = $1 order by attempt").execute(Tuple.of(id))
                .map(rows -> {
                    List<CallbackView.Attempt> list = new ArrayList<>();
                    rows.forEach(r -> list.add(new CallbackView.Attempt(r.getInteger("attempt"), r.getString("contact_id"),
                            instant(r, "due_at"), instant(r, "enqueued_at"), instant(r, "dialing_at"), r.getString("agent_id"),
                            r.getString("outcome"), instant(r, "ended_at"))));
                    return list;
                });
    }

    /** Newest first; {@code agent} non-null keeps the callbacks that agent asked for or dialled. */
    public Uni<List<CallbackRow>> list(SqlClient client, String status, String queueId, String agent, int limit) {
        return client.preparedQuery("select * from cb_callback c where ($1::varchar is null or status = $1)"
                        + " and ($2::varchar is null or queue_id = $2)"
                        + " and ($4::varchar is null or requested_by = $4"
                        + " or exists (select 1 from cb_attempt a where a.callback_id = c.id and a.agent_id = $4))"
                        + " order by created_at desc, id limit $3")
                .execute(Tuple.of(status, queueId, limit, agent)).map(CallbackRepository::rows);
    }

    /** Callbacks created for this number since {@code since} (the daily cap counts them). */
    public Uni<Integer> countSince(SqlClient client, String phone, Instant since) {
        return client.preparedQuery("select count(*) from cb_callback where phone = $1 and created_at >= $2")
                .execute(Tuple.of(phone, utc(since))).map(rows -> rows.iterator().next().getLong(0).intValue());
    }

    private static List<CallbackRow> rows(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        List<CallbackRow> list = new ArrayList<>();
        rows.forEach(r -> list.add(row(r)));
        return list;
    }

    static CallbackRow row(Row r) {
        return new CallbackRow(r.getString("id"), r.getString("phone"), r.getString("queue_id"), r.getString("origin"),
                r.getString("parent_contact_id"), instant(r, "virtual_start_time"), r.getString("time_zone"),
                instant(r, "window_start"), instant(r, "window_end"), r.getString("status"), r.getInteger("attempts"),
                instant(r, "due_at"), r.getString("contact_id"), r.getString("last_outcome"), r.getString("failure_reason"),
                instant(r, "created_at"), instant(r, "updated_at"), r.getString("requested_by"));
    }

    static CallbackView view(CallbackRow c, List<CallbackView.Attempt> attempts) {
        return new CallbackView(c.id(), c.phone(), c.queueId(), c.origin(), c.parentContactId(), c.status(), c.attempts(),
                c.dueAt(), c.windowStart(), c.windowEnd(), c.timeZone(), c.lastOutcome(), c.failureReason(), c.createdAt(),
                c.updatedAt(), attempts);
    }
}
