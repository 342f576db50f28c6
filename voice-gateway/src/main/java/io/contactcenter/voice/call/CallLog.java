package io.contactcenter.voice.call;

import io.contactcenter.voice.config.VoiceConfig;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/**
 * The calls this replica holds, in the database: written as a call starts, connects and ends, so a replica that
 * crashed (or its successor) can end in the IVR and routing what it left open. Writes are fire-and-forget: a slow
 * database must not hold up a caller's audio.
 */
@ApplicationScoped
public class CallLog {

    private static final Logger LOG = Logger.getLogger(CallLog.class);

    private final Pool pool;
    private final VoiceConfig config;
    private final Clock clock;

    public CallLog(Pool pool, VoiceConfig config, Clock clock) {
        this.pool = pool;
        this.config = config;
        this.clock = clock;
    }

    void started(InboundCall call) {
        write("insert into voice_call (call_id, instance_id, session_id, contact_id, state, started_at) values ($1, $2, $3, $4, 'IVR', $5)"
                + " on conflict (call_id) do nothing", Tuple.of(call.sipCallId, config.instanceId(), call.sessionId, call.contactId, now()));
    }

    void agent(InboundCall call, String agentId) {
        write("update voice_call set agent_id = $2, state = 'CONNECTED' where call_id = $1", Tuple.of(call.sipCallId, agentId));
    }

    void ended(InboundCall call, String outcome) {
        write("update voice_call set state = $2, ended_at = $3 where call_id = $1", Tuple.of(call.sipCallId, outcome, now()));
    }

    private void write(String sql, Tuple args) {
        pool.preparedQuery(sql).execute(args).subscribe().with(ok -> { }, e -> LOG.warnf("call log not written: %s", e.getMessage()));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
