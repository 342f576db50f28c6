package io.contactcenter.reporting.realtime;

import io.contactcenter.events.CloudEvent;
import io.contactcenter.events.EventCodec;
import io.contactcenter.events.EventTypes;
import io.contactcenter.events.agent.AgentStateChanged;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Folds agent events into {@code rpt_agent}; state changes arriving out of order never move time backwards. */
@ApplicationScoped
public class AgentRealtimeService {

    private final Pool pool;
    private final EventCodec codec;
    private final Clock clock;
    /** Agents by state, shared by every reader like the queue snapshot (see {@link RealtimeConfig}). */
    private final SharedSnapshot<Map<String, Long>> byState;

    public AgentRealtimeService(Pool pool, EventCodec codec, Clock clock, RealtimeConfig config) {
        this.pool = pool;
        this.codec = codec;
        this.clock = clock;
        this.byState = new SharedSnapshot<>(this::countByState, config.maxAge(), config.maxStale());
    }

    /** Runs in the consumer's inbox transaction on {@code tx}. */
    public Uni<Void> apply(CloudEvent event, SqlClient tx) {
        if (!EventTypes.AGENT_STATE_CHANGED.equals(event.type())) {
            return Uni.createFrom().voidItem();
        }
        AgentStateChanged s = codec.data(event, AgentStateChanged.class);
        OffsetDateTime at = s.changedAt().atOffset(ZoneOffset.UTC);
        // the state history behind occupancy: close the open stretch, open the next one
        Uni<Void> stretch = tx.preparedQuery("update rpt_agent_state set ended_at = $2 where agent_id = $1"
                        + " and ended_at is null and started_at <= $2").execute(Tuple.of(s.agentId(), at))
                .chain(() -> tx.preparedQuery("insert into rpt_agent_state (agent_id, state, started_at) values ($1, $2, $3)"
                        + " on conflict do nothing").execute(Tuple.of(s.agentId(), s.toState(), at)))
                .replaceWithVoid();
        return stretch.chain(() -> tx.preparedQuery("insert into rpt_agent (agent_id, state, reason_code, state_since) values ($1, $2, $3, $4)"
                + " on conflict (agent_id) do update set state = excluded.state, reason_code = excluded.reason_code,"
                + " state_since = excluded.state_since where rpt_agent.state_since <= excluded.state_since")
                .execute(Tuple.of(s.agentId(), s.toState(), s.reasonCode(), at))
                .replaceWithVoid());
    }

    public Uni<List<AgentRealtime>> agents() {
        Instant now = clock.instant();
        LocalDate today = now.atOffset(ZoneOffset.UTC).toLocalDate();
        return pool.query("select agent_id, state, reason_code, state_since, handled_day, contacts_handled"
                + " from rpt_agent order by agent_id").execute().map(rows -> {
                    List<AgentRealtime> out = new ArrayList<>();
                    for (Row r : rows) {
                        Instant since = r.getOffsetDateTime("state_since").toInstant();
                        LocalDate day = r.getLocalDate("handled_day");
                        out.add(new AgentRealtime(r.getString("agent_id"), r.getString("state"),
                                r.getString("reason_code"), Math.max(0, Duration.between(since, now).toMillis() / 1000.0),
                                today.equals(day) ? r.getInteger("contacts_handled") : 0));
                    }
                    return out;
                });
    }

    /** Logged-in agents by state, for wallboards: every stream reads it once a second. */
    public Uni<Map<String, Long>> byState() {
        return byState.get();
    }

    private Uni<Map<String, Long>> countByState() {
        return pool.query("select state, count(*) from rpt_agent where state not in ('LOGGED_OUT', 'UNKNOWN')"
                + " group by state order by state").execute().map(rows -> {
                    Map<String, Long> out = new LinkedHashMap<>();
                    rows.forEach(r -> out.put(r.getString(0), r.getLong(1)));
                    return out;
                });
    }
}
