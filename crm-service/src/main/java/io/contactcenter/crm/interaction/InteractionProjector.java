package io.contactcenter.crm.interaction;

import static io.contactcenter.events.sql.Sql.utc;

import io.contactcenter.crm.config.CrmConfig;
import io.contactcenter.events.CloudEvent;
import io.contactcenter.events.EventCodec;
import io.contactcenter.events.EventTypes;
import io.contactcenter.events.callback.CallbackCancelled;
import io.contactcenter.events.callback.CallbackCompleted;
import io.contactcenter.events.callback.CallbackFailed;
import io.contactcenter.events.callback.CallbackRequested;
import io.contactcenter.events.contact.ContactAbandoned;
import io.contactcenter.events.contact.ContactAnswered;
import io.contactcenter.events.contact.ContactArrived;
import io.contactcenter.events.contact.ContactCancelled;
import io.contactcenter.events.contact.ContactCompleted;
import io.contactcenter.events.contact.ContactOverflowed;
import io.contactcenter.events.contact.ContactQueued;
import io.contactcenter.events.contact.ContactSurveyCompleted;
import io.contactcenter.events.contact.ContactTransferred;
import io.contactcenter.events.crm.RepeatContactDetected;
import io.contactcenter.events.ivr.IvrCompleted;
import io.contactcenter.events.messaging.ConversationMessage;
import io.contactcenter.events.messaging.OptOutChanged;
import io.contactcenter.events.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * Builds the interaction history from the suite's events: one row per contact or callback of a known
 * customer, updated as the contact moves on. Runs inside the inbox transaction, so each event counts once.
 * Contacts are tied to a customer by the {@code customerId} the IVR attached, or by the caller's number.
 */
@ApplicationScoped
public class InteractionProjector {

    /** Overflow actions after which the contact leaves routing for good. */
    private static final Set<String> TERMINAL_OVERFLOWS = Set.of("VOICEMAIL", "CALLBACK", "MESSAGE_HANGUP");

    private final EventCodec codec;
    private final Outbox outbox;
    private final CrmConfig config;

    public InteractionProjector(EventCodec codec, Outbox outbox, CrmConfig config) {
        this.codec = codec;
        this.outbox = outbox;
        this.config = config;
    }

    /** Unknown types are ignored; a payload that does not fit its type is skipped by the inbox. */
    public Uni<Void> apply(CloudEvent event, SqlClient tx) {
        return project(event, tx);
    }

    private Uni<Void> project(CloudEvent event, SqlClient tx) {
        return switch (event.type()) {
            case EventTypes.CONTACT_ARRIVED -> arrived(tx, codec.data(event, ContactArrived.class));
            case EventTypes.CONTACT_QUEUED -> queued(tx, codec.data(event, ContactQueued.class));
            case EventTypes.CONTACT_ANSWERED -> {
                ContactAnswered a = codec.data(event, ContactAnswered.class);
                yield update(tx, "agent_id = $2, outcome = 'ANSWERED', wait_seconds = $3", a.contactId(),
                        a.agentId(), a.waitSeconds());
            }
            case EventTypes.CONTACT_TRANSFERRED -> {
                ContactTransferred t = codec.data(event, ContactTransferred.class);
                yield update(tx, "transfers = transfers + 1, queue_id = $2", t.contactId(), t.toQueueId());
            }
            case EventTypes.CONTACT_OVERFLOWED -> overflowed(tx, codec.data(event, ContactOverflowed.class));
            case EventTypes.CONTACT_ABANDONED -> {
                ContactAbandoned a = codec.data(event, ContactAbandoned.class);
                yield update(tx, "outcome = 'ABANDONED', ended_at = $2, wait_seconds = $3", a.contactId(),
                        utc(a.abandonedAt()), a.waitSeconds());
            }
            case EventTypes.CONTACT_COMPLETED -> {
                ContactCompleted c = codec.data(event, ContactCompleted.class);
                yield update(tx, "outcome = 'COMPLETED', ended_at = $2, agent_id = coalesce($3, agent_id),"
                        + " handle_seconds = $4", c.contactId(), utc(c.completedAt()), c.agentId(),
                        c.talkSeconds() + c.holdSeconds() + c.wrapUpSeconds());
            }
            case EventTypes.CONTACT_CANCELLED -> {
                ContactCancelled c = codec.data(event, ContactCancelled.class);
                yield update(tx, "outcome = 'CANCELLED', ended_at = $2", c.contactId(), utc(c.cancelledAt()));
            }
            case EventTypes.CONTACT_SURVEY_COMPLETED -> {
                ContactSurveyCompleted s = codec.data(event, ContactSurveyCompleted.class);
                yield update(tx, "csat = $2", s.contactId(), (short) s.score());
            }
            case EventTypes.CONVERSATION_OPT_OUT_CHANGED -> {
                OptOutChanged o = codec.data(event, OptOutChanged.class);
                // every customer with that number: the keyword came from the phone, whoever it belongs to
                yield o.channel() != io.contactcenter.events.Channel.SMS ? Uni.createFrom().voidItem()
                        : tx.preparedQuery("update crm_customer set do_not_text = $2, updated_at = $3, version = version + 1"
                                + " where id in (select customer_id from crm_phone where phone = $1) and do_not_text <> $2"
                                + " and erased_at is null")
                        .execute(Tuple.of(o.address(), o.optedOut(), utc(o.at()))).replaceWithVoid();
            }
            case EventTypes.MESSAGE_RECEIVED -> message(tx, codec.data(event, ConversationMessage.class), "IN");
            case EventTypes.MESSAGE_SENT -> message(tx, codec.data(event, ConversationMessage.class), "OUT");
            case EventTypes.IVR_COMPLETED -> ivrCompleted(tx, codec.data(event, IvrCompleted.class), event.time());
            case EventTypes.CALLBACK_REQUESTED -> callbackRequested(tx, codec.data(event, CallbackRequested.class), event.time());
            case EventTypes.CALLBACK_COMPLETED -> {
                CallbackCompleted c = codec.data(event, CallbackCompleted.class);
                yield update(tx, "outcome = 'COMPLETED', ended_at = $2", c.callbackId(), utc(c.completedAt()));
            }
            case EventTypes.CALLBACK_FAILED -> {
                CallbackFailed f = codec.data(event, CallbackFailed.class);
                yield update(tx, "outcome = 'FAILED', ended_at = $2", f.callbackId(), utc(f.failedAt()));
            }
            case EventTypes.CALLBACK_CANCELLED -> {
                CallbackCancelled c = codec.data(event, CallbackCancelled.class);
                yield update(tx, "outcome = 'CANCELLED', ended_at = $2", c.callbackId(), utc(c.cancelledAt()));
            }
            default -> Uni.createFrom().voidItem();
        };
    }

    /** A message of a known customer's conversation joins the transcript of its contact's interaction. */
    private Uni<Void> message(SqlClient tx, ConversationMessage m, String direction) {
        if (m.customerId() == null || m.contactId() == null) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery("insert into crm_message (id, interaction_id, customer_id, conversation_id, seq, direction,"
                        + " author, body, sent_at) select $1, $2, c.id, $3, $4, $5, $6, $7, $8 from crm_customer c"
                        + " where c.id = $9 and c.erased_at is null on conflict (id) do nothing")
                .execute(Tuple.from(Arrays.asList(m.messageId(), m.contactId(), m.conversationId(), m.seq(), direction,
                        m.author(), m.text(), utc(m.at()), m.customerId())))
                .replaceWithVoid();
    }

    private Uni<Void> arrived(SqlClient tx, ContactArrived a) {
        return lockContact(tx, a.contactId())
                .chain(() -> tx.preparedQuery("insert into crm_interaction (id, kind, customer_id, channel, started_at,"
                        + " outcome, updated_at)"
                        + " select $1, 'CONTACT', p.customer_id, $2, $3, 'ARRIVED', $3 from crm_phone p where p.phone = $4"
                        + " on conflict (id) do nothing")
                .execute(Tuple.of(a.contactId(), a.channel().name(), utc(a.arrivedAt()), String.valueOf(a.from()))))
                .chain(() -> joinEarlyIvrOutcome(tx, a.contactId()));
    }

    /**
     * Enters (or re-enters, after a transfer) a queue. The customer comes from the IVR's {@code customerId}
     * attribute, else from the caller's number; the issue from the {@code issue} or {@code caseId} attribute,
     * else the queue. A first queueing checks for a repeat contact on the same issue.
     */
    private Uni<Void> queued(SqlClient tx, ContactQueued q) {
        Map<String, String> attributes = q.attributes() == null ? Map.of() : q.attributes();
        String issue = attributes.containsKey("issue") ? "issue:" + attributes.get("issue")
                : attributes.containsKey("caseId") ? "case:" + attributes.get("caseId")
                : "queue:" + q.queueId();
        String caller = attributes.getOrDefault("callerNumber", attributes.get("from"));
        // a contact that arrived from a known number has its row already; otherwise the IVR's context names the customer
        return lockContact(tx, q.contactId())
                .chain(() -> tx.preparedQuery("update crm_interaction set queue_id = $2, issue = coalesce(issue, $3),"
                        + " outcome = case when outcome = 'ARRIVED' then 'QUEUED' else outcome end, updated_at = $4"
                        + " where id = $1")
                .execute(Tuple.of(q.contactId(), q.queueId(), issue, utc(q.queuedAt()))))
                .chain(updated -> updated.rowCount() > 0 ? Uni.createFrom().item(updated.rowCount())
                        : tx.preparedQuery("insert into crm_interaction (id, kind, customer_id, channel, queue_id, issue,"
                                        + " started_at, outcome, updated_at)"
                                        + " select $1, 'CONTACT', c.id, $2, $3, $4, $5, 'QUEUED', $5 from crm_customer c"
                                        + " where c.id = coalesce($6, (select customer_id from crm_phone where phone = $7))")
                                .execute(Tuple.from(Arrays.asList(q.contactId(), q.channel().name(), q.queueId(), issue,
                                        utc(q.queuedAt()), attributes.get("customerId"), caller)))
                                .map(inserted -> inserted.rowCount()))
                .chain(rows -> rows == 0 ? Uni.createFrom().voidItem() : detectRepeat(tx, q.contactId()))
                .chain(() -> joinEarlyIvrOutcome(tx, q.contactId()));
    }

    /**
     * First-contact resolution: if the same customer contacted us about the same issue within the repeat window
     * before this contact, the earlier contact was not resolved at first contact. Marked once, published once.
     */
    private Uni<Void> detectRepeat(SqlClient tx, String contactId) {
        return tx.preparedQuery("with cur as (select id, customer_id, issue, started_at from crm_interaction"
                        + " where id = $1 and repeat_of is null and kind = 'CONTACT'),"
                        + " prev as (select p.id, p.started_at from crm_interaction p, cur where p.customer_id = cur.customer_id"
                        + " and p.issue = cur.issue and p.kind = 'CONTACT' and p.id <> cur.id"
                        + " and p.started_at < cur.started_at and p.started_at >= cur.started_at - $2::bigint * interval '1 second'"
                        + " order by p.started_at desc limit 1)"
                        + " update crm_interaction i set repeat_of = prev.id from prev, cur where i.id = cur.id"
                        + " returning i.customer_id, prev.id, i.issue, prev.started_at, i.started_at")
                .execute(Tuple.of(contactId, config.signals().repeatWindow().toSeconds()))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().voidItem();
                    }
                    var row = rows.iterator().next();
                    return outbox.publish(tx, EventTypes.CUSTOMER_REPEAT_CONTACT, row.getString(0),
                            new RepeatContactDetected(row.getString(0), contactId, row.getString(1), row.getString(2),
                                    row.getOffsetDateTime(3).toInstant(), row.getOffsetDateTime(4).toInstant()))
                            .replaceWithVoid();
                });
    }

    private Uni<Void> overflowed(SqlClient tx, ContactOverflowed o) {
        if (TERMINAL_OVERFLOWS.contains(o.action())) {
            return update(tx, "outcome = $2, ended_at = $3, wait_seconds = $4", o.contactId(), o.action(),
                    utc(o.overflowedAt()), o.waitSeconds());
        }
        return o.targetQueueId() == null ? Uni.createFrom().voidItem()
                : update(tx, "queue_id = $2", o.contactId(), o.targetQueueId());
    }

    /** Self-service that ended in the IVR is a contact resolved without an agent; a hang-up there an IVR abandon. */
    private Uni<Void> ivrCompleted(SqlClient tx, IvrCompleted c, Instant at) {
        if (c.contactId() == null) {
            return Uni.createFrom().voidItem();
        }
        return lockContact(tx, c.contactId())
                .chain(() -> applyIvrOutcome(tx, c.contactId(), c.outcome(), utc(at)))
                .chain(rows -> rows > 0 ? Uni.createFrom().voidItem()
                // read before the contact's arrival (another topic): kept until the interaction exists
                : tx.preparedQuery("insert into crm_ivr_outcome_pending (contact_id, outcome, completed_at) values ($1, $2, $3)"
                                + " on conflict (contact_id) do nothing")
                        .execute(Tuple.of(c.contactId(), c.outcome(), utc(at))).replaceWithVoid());
    }

    private Uni<Integer> applyIvrOutcome(SqlClient tx, String contactId, String outcome, Object at) {
        return tx.preparedQuery("update crm_interaction set ivr_outcome = $2::varchar,"
                        + " outcome = case when outcome = 'ARRIVED' and $2::varchar = 'contained' then 'SELF_SERVICE'"
                        + " when outcome = 'ARRIVED' and $2::varchar = 'abandoned' then 'ABANDONED_IN_IVR' else outcome end,"
                        + " ended_at = case when outcome = 'ARRIVED' and $2::varchar in ('contained', 'abandoned') then $3"
                        + " else ended_at end where id = $1")
                .execute(Tuple.of(contactId, outcome, at)).map(r -> r.rowCount());
    }

    /**
     * The contacts and IVR consumers run in their own transactions: without this lock an IVR outcome could miss a
     * contact row that is being inserted at the same moment and be parked where nothing would ever pick it up.
     * A deadlock between two batches locking in different orders is resolved by PostgreSQL and the inbox retries.
     */
    private static Uni<Void> lockContact(SqlClient tx, String contactId) {
        return tx.preparedQuery("select pg_advisory_xact_lock(hashtext('crm-contact:' || $1))").execute(Tuple.of(contactId))
                .replaceWithVoid();
    }

    /** An IVR outcome that was read before the interaction existed joins it now. */
    private Uni<Void> joinEarlyIvrOutcome(SqlClient tx, String contactId) {
        return tx.preparedQuery("delete from crm_ivr_outcome_pending where contact_id = $1 returning outcome, completed_at")
                .execute(Tuple.of(contactId))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().voidItem();
                    }
                    var row = rows.iterator().next();
                    return applyIvrOutcome(tx, contactId, row.getString(0), row.getOffsetDateTime(1)).replaceWithVoid();
                });
    }

    private Uni<Void> callbackRequested(SqlClient tx, CallbackRequested r, Instant at) {
        return tx.preparedQuery("insert into crm_interaction (id, kind, customer_id, channel, queue_id, parent_id, started_at,"
                        + " outcome, updated_at) select $1, 'CALLBACK', p.customer_id, 'CALLBACK', $2, $3, $4, 'REQUESTED', $4"
                        + " from crm_phone p where p.phone = $5 on conflict (id) do nothing")
                .execute(Tuple.from(Arrays.asList(r.callbackId(), r.queueId(), r.parentContactId(), utc(at), r.phone())))
                .replaceWithVoid();
    }

    /** {@code set} uses $2…; $1 is the interaction id. Rows of unknown customers do not exist: nothing happens. */
    private static Uni<Void> update(SqlClient tx, String set, String id, Object... values) {
        Object[] args = new Object[values.length + 1];
        args[0] = id;
        System.arraycopy(values, 0, args, 1, values.length);
        return tx.preparedQuery("update crm_interaction set " + set + " where id = $1")
                .execute(Tuple.from(Arrays.asList(args))).replaceWithVoid();
    }
}
