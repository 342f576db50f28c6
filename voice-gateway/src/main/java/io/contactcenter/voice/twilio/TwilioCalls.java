package io.contactcenter.voice.twilio;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The provider's calls and their IVR sessions, in the database so any replica can take any webhook of a call. */
@ApplicationScoped
public class TwilioCalls {

    /** One call: its IVR session and contact, the IVR's last state, and a turn kept for the Enqueue's action request. */
    public record Call(String callSid, String sessionId, String contactId, String state, String pendingTurn, boolean ended) {
    }

    private final Pool pool;
    private final Clock clock;

    public TwilioCalls(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** A new call; false when the CallSid is known already (the provider retried the incoming-call webhook). */
    Uni<Boolean> start(String callSid, String accountSid, String sessionId, String contactId, String state) {
        return pool.preparedQuery("insert into voice_twilio_call (call_sid, account_sid, session_id, contact_id, state, started_at)"
                        + " values ($1, $2, $3, $4, $5, $6) on conflict (call_sid) do nothing")
                .execute(Tuple.of(callSid, accountSid, sessionId, contactId, state, now()))
                .map(rows -> rows.rowCount() == 1);
    }

    Uni<Call> find(String callSid) {
        return pool.preparedQuery("select call_sid, session_id, contact_id, state, pending_turn, ended_at from voice_twilio_call"
                        + " where call_sid = $1").execute(Tuple.of(callSid))
                .map(rows -> rows.size() == 0 ? null : call(rows.iterator().next()));
    }

    /** The IVR's state after a turn, and the turn to render at the Enqueue's action request (or none). */
    Uni<Void> turned(String callSid, String state, String pendingTurn) {
        return pool.preparedQuery("update voice_twilio_call set state = $2, pending_turn = $3 where call_sid = $1")
                .execute(Tuple.of(callSid, state, pendingTurn)).replaceWithVoid();
    }

    /** The provider says the call is over; true for the first such notice only. */
    Uni<Boolean> ended(String callSid) {
        return pool.preparedQuery("update voice_twilio_call set ended_at = $2 where call_sid = $1 and ended_at is null")
                .execute(Tuple.of(callSid, now())).map(rows -> rows.rowCount() == 1);
    }

    private static Call call(Row r) {
        return new Call(r.getString("call_sid"), r.getString("session_id"), r.getString("contact_id"), r.getString("state"),
                r.getString("pending_turn"), r.getValue("ended_at") != null);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
