package io.contactcenter.voice.call;

import io.contactcenter.events.EventTypes;
import io.contactcenter.events.outbox.Outbox;
import io.contactcenter.events.voice.VoiceCallEnded;
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
 * crashed (or its successor) can end in the IVR and routing what it left open. A call's end and its
 * {@code voice.call-ended} event commit together (outbox). Writes are fire-and-forget: a slow database must not hold up
 * a caller's audio.
 */
@ApplicationScoped
public class CallLog {

    private static final Logger LOG = Logger.getLogger(CallLog.class);

    private final Pool pool;
    private final VoiceConfig config;
    private final Clock clock;
    private final Outbox outbox;

    public CallLog(Pool pool, VoiceConfig config, Clock clock, Outbox outbox) {
        this.pool = pool;
        this.config = config;
        this.clock = clock;
        this.outbox = outbox;
    }

    void started(InboundCall call) {
        write("insert into voice_call (call_id, instance_id, session_id, contact_id, state, started_at) values ($1, $2, $3, $4, 'IVR', $5)"
                + " on conflict (call_id) do nothing", Tuple.of(call.sipCallId, config.instanceId(), call.sessionId, call.contactId, now()));
    }

    void agent(InboundCall call, String agentId) {
        write("update voice_call set agent_id = $2, state = 'CONNECTED' where call_id = $1", Tuple.of(call.sipCallId, agentId));
    }

    /** The call is over; a dial-out has no row of its own, so only its event is written. */
    void ended(VoiceCallEnded call) {
        pool.withTransaction(tx -> tx.preparedQuery("update voice_call set state = $2, ended_at = $3 where call_id = $1")
                        .execute(Tuple.of(call.callId(), call.outcome(), now()))
                        .chain(() -> outbox.publish(tx, EventTypes.VOICE_CALL_ENDED, call.callId(), call)))
                .subscribe().with(ok -> { }, e -> LOG.warnf("end of call %s not written: %s", call.callId(), e.getMessage()));
    }

    private void write(String sql, Tuple args) {
        pool.preparedQuery(sql).execute(args).subscribe().with(ok -> { }, e -> LOG.warnf("call log not written: %s", e.getMessage()));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
