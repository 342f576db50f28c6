package io.contactcenter.reporting.history;

import static io.contactcenter.events.sql.Sql.instant;
import static io.contactcenter.events.sql.Sql.utc;

import io.contactcenter.reporting.metrics.AgentIntervalMetrics;
import io.contactcenter.reporting.metrics.CallQualityMetrics;
import io.contactcenter.reporting.metrics.CallbackRecord;
import io.contactcenter.reporting.metrics.ContactRecord;
import io.contactcenter.reporting.metrics.IntervalMetrics;
import io.contactcenter.reporting.metrics.IvrIntervalMetrics;
import io.contactcenter.reporting.metrics.ServiceLevelDefinition;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads what a range needs from the read models and folds it into intervals; every definition lives in the
 * {@code metrics} classes. Contacts and callbacks still open at {@code from} come along for the backlog.
 */
@ApplicationScoped
public class IntervalService {

    private static final String CONTACTS = """
            select c.contact_id, c.queued_at, c.state, c.wait_seconds, c.handle_seconds, c.transfers, c.left_at, c.ended_at, c.csat,
                   exists (select 1 from rpt_repeat r where r.contact_id = c.contact_id) as repeated,
                   f.seconds as first_response_seconds
              from rpt_contact c left join rpt_first_response f on f.contact_id = c.contact_id
             where %s = $1 and c.queued_at < $3 and (c.queued_at >= $2 or c.state = 'WAITING' or c.left_at > $2)
            """;
    private static final String CALLBACKS = """
            select callback_id, requested_at, state, ended_at from rpt_callback
             where queue_id = $1 and requested_at < $3 and (requested_at >= $2 or ended_at is null or ended_at > $2)
            """;

    private final Pool pool;
    private final Clock clock;

    public IntervalService(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    public Uni<IntervalReport> queue(String queueId, Instant from, Instant to, Duration interval,
            ServiceLevelDefinition definition, double thresholdSeconds, double shortAbandonSeconds) {
        Tuple range = Tuple.of(queueId, utc(from), utc(to));
        return contacts("c.queue_id", range).chain(contacts -> pool.preparedQuery(CALLBACKS).execute(range)
                .map(rows -> {
                    List<CallbackRecord> callbacks = new ArrayList<>();
                    rows.forEach(r -> callbacks.add(new CallbackRecord(r.getString("callback_id"), instant(r, "requested_at"),
                            r.getString("state"), instant(r, "ended_at"))));
                    return callbacks;
                })
                .chain(callbacks -> pool.preparedQuery("select dialed_at from rpt_dial where queue_id = $1"
                                + " and dialed_at >= $2 and dialed_at < $3").execute(range)
                        .map(rows -> {
                            List<Instant> dials = new ArrayList<>();
                            rows.forEach(r -> dials.add(instant(r, "dialed_at")));
                            return new IntervalReport(queueId, null, from, to, interval, definition.name(),
                                    definition.formula(), thresholdSeconds, shortAbandonSeconds,
                                    IntervalMetrics.compute(contacts, callbacks, dials, from, to, interval, definition,
                                            thresholdSeconds, shortAbandonSeconds));
                        })));
    }

    /** One channel across all queues (for chat, e-mail, SMS with the first response time). */
    public Uni<IntervalReport> channel(String channel, Instant from, Instant to, Duration interval,
            ServiceLevelDefinition definition, double thresholdSeconds, double shortAbandonSeconds) {
        return contacts("c.channel", Tuple.of(channel, utc(from), utc(to))).map(contacts -> new IntervalReport(null, channel,
                from, to, interval, definition.name(), definition.formula(), thresholdSeconds, shortAbandonSeconds,
                IntervalMetrics.compute(contacts, from, to, interval, definition, thresholdSeconds, shortAbandonSeconds)));
    }

    public Uni<List<AgentIntervalMetrics.Row>> agent(String agentId, Instant from, Instant to, Duration interval) {
        Tuple range = Tuple.of(agentId, utc(from), utc(to));
        return pool.preparedQuery("select state, started_at, ended_at from rpt_agent_state where agent_id = $1"
                        + " and started_at < $3 and (ended_at is null or ended_at > $2)").execute(range)
                .map(rows -> {
                    List<AgentIntervalMetrics.Stretch> stretches = new ArrayList<>();
                    rows.forEach(r -> stretches.add(new AgentIntervalMetrics.Stretch(r.getString("state"),
                            instant(r, "started_at"), instant(r, "ended_at"))));
                    return stretches;
                })
                .chain(stretches -> pool.preparedQuery("select ended_at, handle_seconds from rpt_contact where agent_id = $1"
                                + " and state = 'COMPLETED' and ended_at >= $2 and ended_at < $3").execute(range)
                        .map(rows -> {
                            List<AgentIntervalMetrics.Handled> handled = new ArrayList<>();
                            rows.forEach(r -> handled.add(new AgentIntervalMetrics.Handled(instant(r, "ended_at"),
                                    r.getDouble("handle_seconds"))));
                            return AgentIntervalMetrics.compute(stretches, handled, from, to, interval, clock.instant());
                        }));
    }

    /** Sessions of one flow, or of every flow when {@code flowId} is null. */
    public Uni<List<IvrIntervalMetrics.Row>> ivr(String flowId, Instant from, Instant to, Duration interval) {
        return pool.preparedQuery("select ended_at, outcome from rpt_ivr_session where ($1::varchar is null or flow_id = $1)"
                        + " and ended_at >= $2 and ended_at < $3").execute(Tuple.of(flowId, utc(from), utc(to)))
                .map(rows -> {
                    List<IvrIntervalMetrics.Session> sessions = new ArrayList<>();
                    rows.forEach(r -> sessions.add(new IvrIntervalMetrics.Session(instant(r, "ended_at"),
                            r.getString("outcome"))));
                    return IvrIntervalMetrics.compute(sessions, from, to, interval);
                });
    }

    /** Call quality of the calls whose contact is in {@code queueId}, or that {@code agentId} took. */
    public Uni<List<CallQualityMetrics.Row>> callQuality(String queueId, String agentId, Instant from, Instant to, Duration interval) {
        String by = queueId != null ? "exists (select 1 from rpt_contact c where c.contact_id = q.contact_id and c.queue_id = $1)"
                : "q.agent_id = $1";
        return pool.preparedQuery("select q.ended_at, q.mos, q.loss_ratio, q.jitter_ms, q.agent_mos, q.one_way_audio"
                        + " from rpt_call_quality q where " + by + " and q.ended_at >= $2 and q.ended_at < $3")
                .execute(Tuple.of(queueId != null ? queueId : agentId, utc(from), utc(to)))
                .map(rows -> {
                    List<CallQualityMetrics.Call> calls = new ArrayList<>();
                    rows.forEach(r -> calls.add(new CallQualityMetrics.Call(instant(r, "ended_at"), r.getDouble("mos"),
                            r.getDouble("loss_ratio"), r.getDouble("jitter_ms"), r.getDouble("agent_mos"),
                            r.getBoolean("one_way_audio"))));
                    return CallQualityMetrics.compute(calls, from, to, interval);
                });
    }

    private Uni<List<ContactRecord>> contacts(String column, Tuple range) {
        return pool.preparedQuery(CONTACTS.formatted(column)).execute(range).map(rows -> {
            List<ContactRecord> contacts = new ArrayList<>();
            for (Row r : rows) {
                contacts.add(new ContactRecord(r.getString("contact_id"), instant(r, "queued_at"), outcome(r.getString("state")),
                        r.getDouble("wait_seconds"), r.getDouble("handle_seconds"), r.getInteger("transfers"),
                        instant(r, "left_at"), instant(r, "ended_at"), r.getShort("csat") == null ? null : r.getShort("csat").intValue(),
                        r.getBoolean("repeated"), r.getDouble("first_response_seconds")));
            }
            return contacts;
        });
    }

    private static String outcome(String state) {
        return switch (state) {
            case "ANSWERED", "COMPLETED" -> "ANSWERED";
            case "ABANDONED" -> "ABANDONED";
            case "OVERFLOWED", "CANCELLED" -> state;
            default -> null;
        };
    }
}
