package io.contactcenter.callback.request;

import io.contactcenter.callback.config.CallbackConfig;
import io.contactcenter.callback.edge.CrmConsent;
import io.contactcenter.callback.edge.DialRequests;
import io.contactcenter.callback.policy.PolicyRepository;
import io.contactcenter.callback.request.CallbackRepository.CallbackRow;
import io.contactcenter.callback.schedule.AbandonRule;
import io.contactcenter.callback.schedule.DialPlan;
import io.contactcenter.events.Channel;
import io.contactcenter.events.CloudEvent;
import io.contactcenter.events.EventCodec;
import io.contactcenter.events.EventTypes;
import io.contactcenter.events.callback.CallbackDialing;
import io.contactcenter.events.contact.ContactAbandoned;
import io.contactcenter.events.contact.ContactAnswered;
import io.contactcenter.events.contact.ContactArrived;
import io.contactcenter.events.contact.ContactCancelled;
import io.contactcenter.events.contact.ContactOverflowed;
import io.contactcenter.events.contact.ContactQueued;
import io.contactcenter.events.outbox.Outbox;
import io.contactcenter.events.phone.PhoneNumbers;
import io.contactcenter.events.sql.Sql;
import io.contactcenter.events.Ids;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Follows {@code cc.contacts}: remembers callers' numbers, returns abandoned calls by policy, cancels a pending return
 * when the customer calls again, and moves callbacks on as routing answers (dial now) or gives up on them (retry).
 */
@ApplicationScoped
public class ContactFollower {

    private static final Logger LOG = Logger.getLogger(ContactFollower.class);

    private final EventCodec codec;
    private final CallbackRepository callbacks;
    private final CallbackService service;
    private final PolicyRepository policies;
    private final CrmConsent crm;
    private final DialRequests edge;
    private final Outbox outbox;
    private final CallbackConfig config;
    private final Clock clock;

    public ContactFollower(EventCodec codec, CallbackRepository callbacks, CallbackService service,
            PolicyRepository policies, CrmConsent crm, DialRequests edge, Outbox outbox, CallbackConfig config, Clock clock) {
        this.codec = codec;
        this.callbacks = callbacks;
        this.service = service;
        this.policies = policies;
        this.crm = crm;
        this.edge = edge;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Runs in the inbox transaction. {@code afterCommit} collects dial requests to send once the transaction has
     * committed (the edge must never dial a callback whose state change rolled back).
     */
    public Uni<Void> apply(CloudEvent event, SqlClient tx, Consumer<CallbackDialing> afterCommit) {
        return switch (event.type()) {
            case EventTypes.CONTACT_ARRIVED -> {
                ContactArrived a = codec.data(event, ContactArrived.class);
                yield a.channel() == Channel.CALLBACK ? Uni.createFrom().voidItem() : caller(tx, a.contactId(), a.from(), a.arrivedAt());
            }
            case EventTypes.CONTACT_QUEUED -> {
                ContactQueued q = codec.data(event, ContactQueued.class);
                String number = q.attributes() == null ? null : q.attributes().get("callerNumber");
                yield q.channel() == Channel.CALLBACK || number == null ? Uni.createFrom().voidItem()
                        : caller(tx, q.contactId(), number, q.queuedAt());
            }
            case EventTypes.CONTACT_ANSWERED -> {
                ContactAnswered a = codec.data(event, ContactAnswered.class);
                yield callbacks.findByContact(tx, a.contactId()).chain(c -> c == null || !"QUEUED".equals(c.status())
                        ? Uni.createFrom().voidItem() : dialing(tx, c, a, afterCommit));
            }
            case EventTypes.CONTACT_ABANDONED -> abandoned(tx, codec.data(event, ContactAbandoned.class));
            case EventTypes.CONTACT_OVERFLOWED -> {
                ContactOverflowed o = codec.data(event, ContactOverflowed.class);
                yield "MOVE_TO_QUEUE".equals(o.action()) || "WIDEN_SKILLS".equals(o.action()) ? Uni.createFrom().voidItem()
                        : routingGaveUp(tx, o.contactId(), "routing-" + o.reason());
            }
            case EventTypes.CONTACT_CANCELLED -> {
                ContactCancelled c = codec.data(event, ContactCancelled.class);
                yield routingGaveUp(tx, c.contactId(), "routing-cancelled");
            }
            default -> Uni.createFrom().voidItem();
        };
    }

    /** Remembers the caller's number; a pending automatic return to it is no longer needed. */
    private Uni<Void> caller(SqlClient tx, String contactId, String raw, Instant at) {
        String phone;
        try {
            phone = PhoneNumbers.requireE164(raw);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().voidItem(); // anonymous or not a phone number: nothing to return to
        }
        Instant now = Sql.now(clock);
        return tx.preparedQuery("insert into cb_caller (contact_id, phone, seen_at) values ($1, $2, $3) on conflict do nothing")
                .execute(Tuple.of(contactId, phone, Sql.utc(at)))
                .chain(() -> tx.preparedQuery("select * from cb_callback where phone = $1 and origin = 'abandoned'"
                        + " and status in ('SCHEDULED', 'QUEUED') and created_at < $2 for update").execute(Tuple.of(phone, Sql.utc(at))))
                .chain(rows -> {
                    List<CallbackRow> pending = new java.util.ArrayList<>();
                    rows.forEach(r -> pending.add(CallbackRepository.row(r)));
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (CallbackRow c : pending) {
                        chain = chain.chain(() -> service.cancelOpen(tx, c, "customer-called-back", now));
                    }
                    return chain;
                });
    }

    /** An inbound caller hung up while waiting: a callback if the queue's policy and the caller's record allow it. */
    private Uni<Void> abandoned(SqlClient tx, ContactAbandoned a) {
        if (a.queueId() == null) {
            return Uni.createFrom().voidItem();
        }
        return callbacks.findByContact(tx, a.contactId()).chain(own -> own != null
                ? ("QUEUED".equals(own.status()) ? service.retryOrFail(tx, own, "routing-abandoned", Sql.now(clock))
                        : Uni.createFrom().voidItem())
                : tx.preparedQuery("select phone from cb_caller where contact_id = $1").execute(Tuple.of(a.contactId()))
                        .chain(rows -> rows.size() == 0 ? Uni.createFrom().voidItem()
                                : returnCall(tx, a, rows.iterator().next().getString(0))));
    }

    private Uni<Void> returnCall(SqlClient tx, ContactAbandoned a, String phone) {
        Instant now = Sql.now(clock);
        return policies.find(tx, a.queueId()).chain(policy -> {
            if (policy == null) {
                return Uni.createFrom().voidItem();
            }
            Instant midnight = now.atZone(ZoneId.of(policy.timeZone())).toLocalDate().atStartOfDay(ZoneId.of(policy.timeZone()))
                    .toInstant();
            return callbacks.countSince(tx, phone, midnight)
                    .chain(today -> tx.preparedQuery("select exists (select 1 from cb_caller where phone = $1 and seen_at > $2)")
                            .execute(Tuple.of(phone, Sql.utc(a.abandonedAt())))
                            .map(rows -> new int[] {today, rows.iterator().next().getBoolean(0) ? 1 : 0}))
                    .chain(facts -> crm.doNotCall(phone).map(dnc -> AbandonRule.refusal(policy.autoReturnAbandoned(),
                            a.waitSeconds(), policy.minAbandonWaitSeconds(), dnc, facts[1] == 1, facts[0],
                            policy.maxPerNumberPerDay())))
                    .chain(refusal -> {
                        if (refusal != null) {
                            LOG.debugf("abandoned contact %s not returned: %s", a.contactId(), refusal);
                            return Uni.createFrom().voidItem();
                        }
                        Instant end = now.plus(config.defaultWindow());
                        DialPlan.Decision first = policy.dialPlan(null).first(now, now, end.plus(java.time.Duration.ofDays(1)));
                        if (!first.scheduled()) {
                            return Uni.createFrom().voidItem();
                        }
                        // the window reaches into the next day when the queue is closed now: returned when it opens
                        Instant windowEnd = first.due().plus(config.defaultWindow());
                        return callbacks.findOpen(tx, phone, a.queueId()).chain(open -> open != null
                                ? Uni.createFrom().voidItem() // already one pending for this number and queue
                                : service.create(tx, new CallbackRow(Ids.newId(), phone, a.queueId(),
                                        "abandoned", a.contactId(), null, policy.timeZone(), now, windowEnd, "SCHEDULED", 0,
                                        first.due(), null, null, null, now, now, null)).replaceWithVoid());
                    });
        });
    }

    private Uni<Void> dialing(SqlClient tx, CallbackRow c, ContactAnswered a, Consumer<CallbackDialing> afterCommit) {
        Instant now = Sql.now(clock);
        CallbackDialing dialing = new CallbackDialing(c.id(), c.queueId(), c.phone(), a.agentId(), c.attempts(), a.answeredAt());
        return callbacks.update(tx, c.id(), "DIALING", null, c.attempts(), c.contactId(), c.lastOutcome(), null, now)
                .chain(() -> callbacks.attemptDialing(tx, c.id(), c.attempts(), a.agentId(), a.answeredAt()))
                .chain(() -> outbox.publish(tx, EventTypes.CALLBACK_DIALING, c.id(), dialing))
                .invoke(() -> afterCommit.accept(dialing))
                .replaceWithVoid();
    }

    /** Routing overflowed or cancelled a callback contact before an agent took it: another attempt later, or failed. */
    private Uni<Void> routingGaveUp(SqlClient tx, String contactId, String outcome) {
        Instant now = Sql.now(clock);
        return callbacks.findByContact(tx, contactId).chain(c -> c == null || !"QUEUED".equals(c.status())
                ? Uni.createFrom().voidItem()
                : callbacks.attemptEnded(tx, c.id(), c.attempts(), outcome, now)
                        .chain(() -> service.retryOrFail(tx, c, outcome, now)));
    }

    /** Sends the collected dial requests; called after the inbox transaction committed. */
    public Uni<Void> requestDials(List<CallbackDialing> dials) {
        return io.smallrye.mutiny.Multi.createFrom().iterable(dials).onItem().transformToUniAndConcatenate(edge::send)
                .collect().last().replaceWithVoid();
    }
}
