package io.contactcenter.callback.schedule;

import io.contactcenter.callback.config.CallbackConfig;
import io.contactcenter.callback.policy.Policy;
import io.contactcenter.callback.policy.PolicyRepository;
import io.contactcenter.callback.request.CallbackRepository;
import io.contactcenter.callback.request.CallbackRepository.CallbackRow;
import io.contactcenter.events.Channel;
import io.contactcenter.events.EventTypes;
import io.contactcenter.events.callback.CallbackFailed;
import io.contactcenter.events.callback.CallbackScheduled;
import io.contactcenter.events.notify.Notification;
import io.contactcenter.events.notify.Notifier;
import io.contactcenter.events.outbox.Outbox;
import io.contactcenter.events.routing.EnqueueCommand;
import io.contactcenter.events.sql.Sql;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Hands due callbacks to routing. Each pass locks due rows with {@code FOR UPDATE SKIP LOCKED}, so with several
 * instances every callback is taken by exactly one; the state change, the attempt and the {@code routing.enqueue}
 * command commit together (outbox). The calling hours are checked again at the moment of dispatch: a callback
 * that fell due while the service was down is not dialled at night, it moves to the next allowed time.
 */
@ApplicationScoped
public class DueDispatcher {

    private static final Logger LOG = Logger.getLogger(DueDispatcher.class);

    private final Pool pool;
    private final CallbackRepository callbacks;
    private final PolicyRepository policies;
    private final Outbox outbox;
    private final Notifier notifier;
    private final CallbackConfig config;
    private final Clock clock;
    private final Timer lateness;
    private final AtomicBoolean running = new AtomicBoolean();
    private Vertx vertx;
    private long timer;

    public DueDispatcher(Pool pool, CallbackRepository callbacks, PolicyRepository policies, Outbox outbox,
            Notifier notifier, CallbackConfig config, Clock clock, MeterRegistry registry) {
        this.pool = pool;
        this.callbacks = callbacks;
        this.policies = policies;
        this.outbox = outbox;
        this.notifier = notifier;
        this.config = config;
        this.clock = clock;
        this.lateness = Timer.builder("cc.callback.dispatch.lateness")
                .description("from a callback's due time to its hand-over to routing")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    void start(@Observes StartupEvent startup, Vertx vertx) {
        this.vertx = vertx;
        timer = vertx.setPeriodic(Math.max(20, config.schedulerInterval().toMillis()), id -> {
            if (running.compareAndSet(false, true)) {
                pass().subscribe().with(n -> running.set(false), e -> {
                    running.set(false);
                    LOG.warnf("callback dispatch pass failed, will retry: %s", e.toString());
                });
            }
        });
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (vertx != null) {
            vertx.cancelTimer(timer);
        }
    }

    /** One pass: dispatches up to a batch of due callbacks, then sends due reminders; returns how many went to routing. */
    public Uni<Integer> pass() {
        Instant now = Sql.now(clock);
        Map<String, Instant> dispatched = new LinkedHashMap<>();
        return pool.withTransaction(tx -> callbacks.claimDue(tx, now, config.batchSize()).chain(due -> {
                    if (due.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    Map<String, Policy> byQueue = new HashMap<>();
                    return Multi.createFrom().iterable(due.stream().map(CallbackRow::queueId).distinct().toList())
                            .onItem().transformToUniAndConcatenate(q -> policies.find(tx, q).invoke(p -> byQueue.put(q, p)))
                            .collect().last()
                            .chain(() -> Multi.createFrom().iterable(due)
                                    .onItem().transformToUniAndConcatenate(c -> dispatch(tx, c, byQueue.get(c.queueId()), now,
                                            dispatched))
                                    .collect().asList())
                            .map(List::size);
                }))
                .invoke(n -> dispatched.values().forEach(dueAt -> lateness.record(Duration.between(dueAt, now))))
                .call(() -> reminders(now))
                .map(n -> dispatched.size());
    }

    private Uni<Void> dispatch(SqlClient tx, CallbackRow c, Policy policy, Instant now, Map<String, Instant> dispatched) {
        DialPlan.Decision decision = policy == null ? new DialPlan.Decision(null, "no-policy")
                : policy.dialPlan(c.timeZone()).first(now, c.windowStart(), c.windowEnd());
        if (!decision.scheduled()) {
            return callbacks.update(tx, c.id(), "FAILED", null, c.attempts(), null, c.lastOutcome(),
                            decision.giveUpReason(), now)
                    .chain(() -> outbox.publish(tx, EventTypes.CALLBACK_FAILED, c.id(),
                            new CallbackFailed(c.id(), decision.giveUpReason(), c.attempts(), now)))
                    .replaceWithVoid();
        }
        if (decision.due().isAfter(now)) {
            return callbacks.update(tx, c.id(), "SCHEDULED", decision.due(), c.attempts(), null, c.lastOutcome(), null, now)
                    .chain(() -> outbox.publish(tx, EventTypes.CALLBACK_SCHEDULED, c.id(),
                            new CallbackScheduled(c.id(), c.queueId(), decision.due(), c.attempts() + 1)))
                    .replaceWithVoid();
        }
        int attempt = c.attempts() + 1;
        String contactId = c.id() + "-" + attempt;
        Map<String, String> attributes = new HashMap<>();
        attributes.put("callbackId", c.id());
        attributes.put("callbackPhone", c.phone());
        attributes.put("callbackAttempt", String.valueOf(attempt));
        attributes.put("callbackOrigin", c.origin());
        EnqueueCommand command = new EnqueueCommand(contactId, c.queueId(), Channel.CALLBACK, config.routingPriority(),
                null, attributes, c.virtualStartTime(), c.parentContactId(), null);
        dispatched.put(c.id(), c.dueAt());
        return callbacks.update(tx, c.id(), "QUEUED", null, attempt, contactId, c.lastOutcome(), null, now)
                .chain(() -> callbacks.attemptEnqueued(tx, c.id(), attempt, contactId, c.dueAt(), now))
                .chain(() -> outbox.publish(tx, EventTypes.ROUTING_ENQUEUE, contactId, command))
                .replaceWithVoid();
    }

    /** A reminder for callbacks booked well ahead, {@code reminder-lead} before they are due; once each. */
    private Uni<Void> reminders(Instant now) {
        return pool.preparedQuery("update cb_callback set reminder_sent = true where status = 'SCHEDULED' and not reminder_sent"
                        + " and due_at <= $1 and created_at <= due_at - $2::bigint * interval '1 second'"
                        + " returning id, due_at")
                .execute(Tuple.of(Sql.utc(now.plus(config.reminderLead())), config.reminderLead().toSeconds()))
                .chain(rows -> {
                    List<Notification> list = new java.util.ArrayList<>();
                    rows.forEach(r -> list.add(new Notification("callback.reminder", Notification.Recipient.CUSTOMER,
                            r.getString("id"), r.getString("id"), "SCHEDULED", Sql.instant(r, "due_at"), null)));
                    return Multi.createFrom().iterable(list).onItem().transformToUniAndConcatenate(notifier::send)
                            .onFailure().recoverWithCompletion().collect().last().replaceWithVoid();
                });
    }
}
