package io.contactcenter.reporting.activity;

import static io.contactcenter.events.sql.Sql.utc;

import io.contactcenter.events.CloudEvent;
import io.contactcenter.events.EventCodec;
import io.contactcenter.events.EventTypes;
import io.contactcenter.events.messaging.ConversationClosed;
import io.contactcenter.events.callback.CallbackCancelled;
import io.contactcenter.events.callback.CallbackCompleted;
import io.contactcenter.events.callback.CallbackDialing;
import io.contactcenter.events.callback.CallbackFailed;
import io.contactcenter.events.callback.CallbackRequested;
import io.contactcenter.events.crm.CaseOpened;
import io.contactcenter.events.crm.CaseResolved;
import io.contactcenter.events.crm.CaseStatusChanged;
import io.contactcenter.events.crm.RepeatContactDetected;
import io.contactcenter.events.ivr.IvrCompleted;
import io.contactcenter.events.voice.VoiceCallEnded;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;

/**
 * Folds {@code cc.callbacks}, {@code cc.crm}, {@code cc.ivr} and {@code cc.voice} into the read models behind
 * callbacks, outbound calls, first-contact resolution, IVR containment, backlog and call quality. Runs in the inbox transaction, each event once.
 */
@ApplicationScoped
public class ActivityProjector {

    private final EventCodec codec;

    public ActivityProjector(EventCodec codec) {
        this.codec = codec;
    }

    public Uni<Void> apply(CloudEvent event, SqlClient tx) {
        return switch (event.type()) {
            case EventTypes.CONVERSATION_CLOSED -> {
                ConversationClosed c = codec.data(event, ConversationClosed.class);
                yield c.firstResponseSeconds() == null ? Uni.createFrom().voidItem()
                        : run(tx, "insert into rpt_first_response (contact_id, channel, seconds) values ($1, $2, $3)"
                                + " on conflict (contact_id) do nothing", c.contactId(), c.channel().name(),
                                c.firstResponseSeconds());
            }
            case EventTypes.CALLBACK_REQUESTED -> {
                CallbackRequested r = codec.data(event, CallbackRequested.class);
                yield run(tx, "insert into rpt_callback (callback_id, queue_id, origin, state, requested_at, window_start)"
                        + " values ($1, $2, $3, 'OPEN', $4, $5) on conflict (callback_id) do update set"
                        + " window_start = excluded.window_start", r.callbackId(), r.queueId(), r.origin(),
                        utc(event.time()), utc(r.windowStart()));
            }
            case EventTypes.CALLBACK_DIALING -> {
                CallbackDialing d = codec.data(event, CallbackDialing.class);
                yield run(tx, "insert into rpt_dial (event_id, callback_id, queue_id, dialed_at) values ($1, $2, $3, $4)",
                        event.id(), d.callbackId(), d.queueId(), utc(d.dialingAt()))
                        .call(() -> run(tx, "update rpt_callback set attempts = attempts + 1 where callback_id = $1",
                                d.callbackId()));
            }
            case EventTypes.CALLBACK_COMPLETED -> {
                CallbackCompleted c = codec.data(event, CallbackCompleted.class);
                yield end(tx, c.callbackId(), "COMPLETED", c.completedAt());
            }
            case EventTypes.CALLBACK_FAILED -> {
                CallbackFailed f = codec.data(event, CallbackFailed.class);
                yield end(tx, f.callbackId(), "FAILED", f.failedAt());
            }
            case EventTypes.CALLBACK_CANCELLED -> {
                CallbackCancelled c = codec.data(event, CallbackCancelled.class);
                yield end(tx, c.callbackId(), "CANCELLED", c.cancelledAt());
            }
            case EventTypes.CUSTOMER_REPEAT_CONTACT -> {
                RepeatContactDetected r = codec.data(event, RepeatContactDetected.class);
                // the earlier contact was not resolved at first contact
                yield run(tx, "insert into rpt_repeat (contact_id, repeated_by, detected_at) values ($1, $2, $3)"
                        + " on conflict do nothing", r.previousContactId(), r.contactId(), utc(r.startedAt()));
            }
            case EventTypes.CASE_OPENED -> {
                CaseOpened o = codec.data(event, CaseOpened.class);
                yield run(tx, "insert into rpt_case (case_id, category, priority, opened_at, sla_due_at) values ($1, $2, $3,"
                        + " $4, $5) on conflict do nothing", o.caseId(), o.category(), o.priority(), utc(o.openedAt()),
                        utc(o.slaDueAt()));
            }
            case EventTypes.CASE_RESOLVED -> {
                CaseResolved r = codec.data(event, CaseResolved.class);
                yield run(tx, "update rpt_case set closed_at = $2, within_sla = $3 where case_id = $1", r.caseId(),
                        utc(r.resolvedAt()), r.withinSla());
            }
            case EventTypes.CASE_STATUS_CHANGED -> {
                CaseStatusChanged s = codec.data(event, CaseStatusChanged.class);
                // reopened cases join the backlog again; cancelled ones leave it (resolution comes with case.resolved)
                yield switch (s.status()) {
                    case "CANCELLED" -> run(tx, "update rpt_case set closed_at = $2 where case_id = $1 and closed_at is null",
                            s.caseId(), utc(s.changedAt()));
                    case "IN_PROGRESS" -> run(tx, "update rpt_case set closed_at = null, within_sla = null where case_id = $1",
                            s.caseId());
                    default -> Uni.createFrom().voidItem();
                };
            }
            case EventTypes.IVR_COMPLETED -> {
                IvrCompleted c = codec.data(event, IvrCompleted.class);
                yield run(tx, "insert into rpt_ivr_session (session_id, flow_id, contact_id, outcome, last_node, ended_at)"
                        + " values ($1, $2, $3, $4, $5, $6) on conflict do nothing", c.sessionId(), c.flowId(), c.contactId(),
                        c.outcome(), c.lastNode(), utc(event.time()));
            }
            case EventTypes.VOICE_CALL_ENDED -> {
                VoiceCallEnded v = codec.data(event, VoiceCallEnded.class);
                VoiceCallEnded.MediaQuality a = v.agent();
                yield run(tx, "insert into rpt_call_quality (call_id, contact_id, agent_id, direction, ended_at, connected_seconds,"
                        + " packets, loss_ratio, jitter_ms, mos, agent_loss_ratio, agent_jitter_ms, agent_mos, one_way_audio)"
                        + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) on conflict do nothing",
                        v.callId(), v.contactId(), v.agentId(), v.direction(), utc(v.endedAt()), v.connectedSeconds(),
                        v.customer().packets(), v.customer().lossRatio(), v.customer().jitterMillis(), v.customer().mos(),
                        a == null ? null : a.lossRatio(), a == null ? null : a.jitterMillis(), a == null ? null : a.mos(),
                        v.oneWayAudio());
            }
            default -> Uni.createFrom().voidItem();
        };
    }

    private static Uni<Void> end(SqlClient tx, String callbackId, String state, java.time.Instant at) {
        return run(tx, "update rpt_callback set state = $2, ended_at = $3 where callback_id = $1", callbackId, state, utc(at));
    }

    private static Uni<Void> run(SqlClient tx, String sql, Object... args) {
        return tx.preparedQuery(sql).execute(Tuple.from(Arrays.asList(args))).replaceWithVoid();
    }
}
