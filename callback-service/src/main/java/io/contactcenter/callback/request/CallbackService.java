package io.contactcenter.callback.request;

import io.contactcenter.callback.config.CallbackConfig;
import io.contactcenter.callback.policy.Policy;
import io.contactcenter.callback.policy.PolicyRepository;
import io.contactcenter.callback.request.CallbackRepository.CallbackRow;
import io.contactcenter.callback.schedule.DialPlan;
import io.contactcenter.events.EventTypes;
import io.contactcenter.events.callback.CallbackCancelled;
import io.contactcenter.events.callback.CallbackCompleted;
import io.contactcenter.events.callback.CallbackFailed;
import io.contactcenter.events.callback.CallbackRequested;
import io.contactcenter.events.callback.CallbackScheduled;
import io.contactcenter.events.notify.Notification;
import io.contactcenter.events.notify.Notifier;
import io.contactcenter.events.outbox.Outbox;
import io.contactcenter.events.routing.CancelCommand;
import io.contactcenter.events.sql.Sql;
import io.contactcenter.events.Ids;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Callback requests through their life: one open callback per number and queue, dials only inside the customer's
 * window and calling hours, retries with backoff, and every change announced through the outbox in its transaction.
 */
@ApplicationScoped
public class CallbackService {

    private static final Logger LOG = Logger.getLogger(CallbackService.class);

    /** The answer to a request: the callback, and whether it is new (201) or an existing one (200). */
    public record Requested(CallbackView callback, boolean created) {
    }

    private final Pool pool;
    private final CallbackRepository callbacks;
    private final PolicyRepository policies;
    private final Outbox outbox;
    private final Notifier notifier;
    private final CallbackConfig config;
    private final Clock clock;

    public CallbackService(Pool pool, CallbackRepository callbacks, PolicyRepository policies, Outbox outbox,
            Notifier notifier, CallbackConfig config, Clock clock) {
        this.pool = pool;
        this.callbacks = callbacks;
        this.policies = policies;
        this.outbox = outbox;
        this.notifier = notifier;
        this.config = config;
        this.clock = clock;
    }

    /** A customer's request (IVR keep-my-place, web, API); {@code phone} is already E.164. */
    public Uni<Requested> request(CallbackRequest r, String phone, String requestedBy) {
        Instant now = Sql.now(clock);
        return policies.find(pool, r.queueId()).chain(policy -> {
            if (policy == null) {
                return Uni.createFrom().failure(new NotFoundException("Queue '" + r.queueId()
                        + "' takes no callbacks: it has no callback policy (PUT /callbacks/policies/" + r.queueId() + ")."));
            }
            String zone = r.timeZone() != null ? r.timeZone() : policy.timeZone();
            Instant start = r.windowStart() == null ? now : local(r.windowStart(), zone);
            Instant end = r.windowEnd() != null ? local(r.windowEnd(), zone)
                    : (start.isAfter(now) ? start : now).plus(config.defaultWindow());
            validateWindow(start, end, now, r.windowEnd() != null);
            DialPlan.Decision first = policy.dialPlan(zone).first(now, start, end);
            if (!first.scheduled()) {
                return Uni.createFrom().failure(new BadRequestException("window: the queue's calling hours leave no time"
                        + " to call inside " + start + " – " + end + " (" + zone + ")."));
            }
            return pool.withTransaction(tx -> callbacks.findOpen(tx, phone, r.queueId()).chain(existing -> existing != null
                    ? (r.windowStart() == null && r.windowEnd() == null ? Uni.createFrom().item(existing)
                            : moveWindow(tx, existing, start, end, zone, first.due(), now))
                            .map(c -> new Requested(CallbackRepository.view(c, List.of()), false))
                    : create(tx, new CallbackRow(Ids.newId(), phone, r.queueId(), r.originOrDefault(),
                            r.parentContactId(), r.queuedAt(), zone, start, end, "SCHEDULED", 0, first.due(), null, null, null,
                            now, now, requestedBy)).map(c -> new Requested(CallbackRepository.view(c, List.of()), true))))
                    // two requests for one number racing: the unique index lets one in, the other finds it on retry
                    .onFailure(Sql::uniqueViolation).retry().atMost(1)
                    .call(req -> req.created() ? notify("callback.confirmed", req.callback()) : Uni.createFrom().voidItem());
        });
    }

    /** Inserts a new callback with its events; used for requests and for abandoned calls. */
    Uni<CallbackRow> create(SqlClient tx, CallbackRow c) {
        return callbacks.insert(tx, c)
                .chain(() -> outbox.publish(tx, EventTypes.CALLBACK_REQUESTED, c.id(), new CallbackRequested(c.id(),
                        c.parentContactId(), c.phone(), c.queueId(), c.origin(), c.windowStart(), c.windowEnd())))
                .chain(() -> outbox.publish(tx, EventTypes.CALLBACK_SCHEDULED, c.id(),
                        new CallbackScheduled(c.id(), c.queueId(), c.dueAt(), 1)))
                .replaceWith(c);
    }

    private Uni<CallbackRow> moveWindow(SqlClient tx, CallbackRow c, Instant start, Instant end, String zone, Instant due,
            Instant now) {
        if (!"SCHEDULED".equals(c.status())) {
            return Uni.createFrom().item(c); // already with routing or dialing: the window no longer matters
        }
        return callbacks.moveWindow(tx, c.id(), start, end, zone, due, now)
                .chain(() -> outbox.publish(tx, EventTypes.CALLBACK_SCHEDULED, c.id(),
                        new CallbackScheduled(c.id(), c.queueId(), due, c.attempts() + 1)))
                .chain(() -> callbacks.find(tx, c.id(), false));
    }

    public Uni<CallbackView> get(String id) {
        return callbacks.find(pool, id, false).chain(c -> c == null ? Uni.createFrom().nullItem()
                : callbacks.attempts(pool, id).map(a -> CallbackRepository.view(c, a)));
    }

    /**
     * Whether {@code agent} may see and withdraw callback {@code id}: it asked for it or dialled it. Null when there
     * is no such callback.
     */
    public Uni<Boolean> belongsTo(String id, String agent) {
        return callbacks.find(pool, id, false).chain(c -> c == null ? Uni.createFrom().nullItem()
                : agent.equals(c.requestedBy()) ? Uni.createFrom().item(true)
                : callbacks.attempts(pool, id).map(a -> a.stream().anyMatch(t -> agent.equals(t.agentId()))));
    }

    /** Newest first; {@code agent} non-null keeps that agent's own (asked for or dialled). */
    public Uni<List<CallbackView>> list(String status, String queueId, String agent, int limit) {
        return callbacks.list(pool, status, queueId, agent, limit)
                .map(rows -> rows.stream().map(c -> CallbackRepository.view(c, List.of())).toList());
    }

    /** Withdraws an open callback; one already in routing is taken out of its queue too. */
    public Uni<CallbackView> cancel(String id, String reason) {
        Instant now = Sql.now(clock);
        return pool.withTransaction(tx -> callbacks.find(tx, id, true).chain(c -> {
            if (c == null) {
                return Uni.createFrom().nullItem();
            }
            if (!List.of("SCHEDULED", "QUEUED").contains(c.status())) {
                return Uni.createFrom().failure(new ClientErrorException("Callback " + id + " is " + c.status()
                        + "; only a SCHEDULED or QUEUED callback can be cancelled.", 409));
            }
            return cancelOpen(tx, c, reason, now).chain(() -> callbacks.find(tx, id, false));
        })).chain(c -> c == null ? Uni.createFrom().nullItem() : get(id));
    }

    Uni<Void> cancelOpen(SqlClient tx, CallbackRow c, String reason, Instant now) {
        Uni<Void> routing = "QUEUED".equals(c.status()) && c.contactId() != null
                ? outbox.publish(tx, EventTypes.ROUTING_CANCEL, c.contactId(), new CancelCommand(c.contactId(), reason))
                        .replaceWithVoid()
                : Uni.createFrom().voidItem();
        return routing.chain(() -> callbacks.update(tx, c.id(), "CANCELLED", null, c.attempts(), c.contactId(),
                        c.lastOutcome(), reason, now))
                .chain(() -> outbox.publish(tx, EventTypes.CALLBACK_CANCELLED, c.id(), new CallbackCancelled(c.id(), reason, now)))
                .replaceWithVoid();
    }

    /** The telephony edge's report of a dial-out: done, retry later, or give up. */
    public Uni<CallbackView> outcome(String id, OutcomeReport.Outcome outcome) {
        Instant now = Sql.now(clock);
        return pool.withTransaction(tx -> callbacks.find(tx, id, true).chain(c -> {
            if (c == null) {
                return Uni.createFrom().nullItem();
            }
            if (!"DIALING".equals(c.status())) {
                return Uni.createFrom().failure(new ClientErrorException("Callback " + id + " is " + c.status()
                        + "; an outcome is expected only while it is DIALING.", 409));
            }
            return callbacks.attemptEnded(tx, id, c.attempts(), outcome.name(), now)
                    .chain(() -> switch (outcome) {
                        case ANSWERED -> callbacks.update(tx, id, "COMPLETED", null, c.attempts(), c.contactId(), outcome.name(),
                                null, now).chain(() -> outbox.publish(tx, EventTypes.CALLBACK_COMPLETED, id,
                                new CallbackCompleted(id, c.contactId(), "answered", now))).replaceWithVoid();
                        case INVALID_NUMBER -> fail(tx, c, outcome.name(), "invalid-number", now);
                        default -> retryOrFail(tx, c, outcome.name(), now);
                    })
                    .replaceWith(c);
        })).chain(c -> c == null ? Uni.createFrom().nullItem() : get(id));
    }

    /** An attempt that did not reach the customer (no answer, busy, routing gave up): again later, or failed. */
    Uni<Void> retryOrFail(SqlClient tx, CallbackRow c, String outcome, Instant now) {
        return policies.find(tx, c.queueId()).chain(policy -> {
            DialPlan.Decision next = policy == null ? new DialPlan.Decision(null, "no-policy")
                    : policy.dialPlan(c.timeZone()).retry(c.attempts(), now, c.windowStart(), c.windowEnd());
            if (!next.scheduled()) {
                return fail(tx, c, outcome, next.giveUpReason(), now);
            }
            return callbacks.update(tx, c.id(), "SCHEDULED", next.due(), c.attempts(), null, outcome, null, now)
                    .chain(() -> outbox.publish(tx, EventTypes.CALLBACK_SCHEDULED, c.id(),
                            new CallbackScheduled(c.id(), c.queueId(), next.due(), c.attempts() + 1)))
                    .replaceWithVoid();
        });
    }

    Uni<Void> fail(SqlClient tx, CallbackRow c, String outcome, String reason, Instant now) {
        return callbacks.update(tx, c.id(), "FAILED", null, c.attempts(), c.contactId(), outcome, reason, now)
                .chain(() -> outbox.publish(tx, EventTypes.CALLBACK_FAILED, c.id(),
                        new CallbackFailed(c.id(), reason, c.attempts(), now)))
                .replaceWithVoid();
    }

    Uni<Void> notify(String kind, CallbackView c) {
        // ids only: the adapter resolves where to send it; a failed notification never undoes the request
        return notifier.send(new Notification(kind, Notification.Recipient.CUSTOMER, c.callbackId(), c.callbackId(),
                        c.status(), c.dueAt(), null))
                .onFailure().invoke(e -> LOG.warnf("%s for %s not sent: %s", kind, c.callbackId(), e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private void validateWindow(Instant start, Instant end, Instant now, boolean endGiven) {
        if (!end.isAfter(start)) {
            throw new BadRequestException("windowEnd: must be after windowStart.");
        }
        if (endGiven && !end.isAfter(now)) {
            throw new BadRequestException("windowEnd: " + end + " is in the past.");
        }
        if (start.isAfter(now.plus(config.maxAhead()))) {
            throw new BadRequestException("windowStart: at most " + config.maxAhead().toDays() + " days ahead.");
        }
    }

    /** Local wall-clock time in the customer's zone; a time skipped by DST moves forward with the clock. */
    private static Instant local(LocalDateTime time, String zone) {
        return time.atZone(ZoneId.of(zone)).toInstant();
    }
}
