package io.contactcenter.routing.contact;

import io.contactcenter.events.EventTypes;
import io.contactcenter.events.contact.ContactAbandoned;
import io.contactcenter.events.contact.ContactCancelled;
import io.contactcenter.events.contact.ContactCompleted;
import io.contactcenter.events.contact.ContactOverflowed;
import io.contactcenter.events.contact.ContactQueued;
import io.contactcenter.events.contact.ContactTransferred;
import io.contactcenter.events.outbox.Outbox;
import io.contactcenter.events.routing.CancelCommand;
import io.contactcenter.events.routing.EnqueueCommand;
import io.contactcenter.routing.agent.AgentEvents;
import io.contactcenter.routing.agent.AgentRepository;
import io.contactcenter.routing.agent.AgentRow;
import io.contactcenter.routing.agent.AgentState;
import io.contactcenter.routing.agent.Staffing;
import io.contactcenter.routing.agent.StaffingView;
import io.contactcenter.routing.config.RoutingConfig;
import io.contactcenter.routing.engine.ExitAction;
import io.contactcenter.routing.engine.WaitEstimator;
import io.contactcenter.routing.offer.OfferRepository;
import io.contactcenter.routing.offer.OfferRow;
import io.contactcenter.routing.offer.OfferStatus;
import io.contactcenter.routing.queue.QueueDirectory;
import io.contactcenter.routing.queue.QueueRow;
import io.contactcenter.routing.support.Signals;
import io.contactcenter.events.sql.Sql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A contact's life in routing: admission (hours, empty and full queues, overflow on entry), position and
 * wait estimate, abandon, cancel, completion and transfer. Every change and its events commit together.
 */
@ApplicationScoped
public class ContactService {

    /** Overflow chains (A → B → C) stop here rather than loop. */
    private static final int MAX_QUEUE_HOPS = 5;

    private final Pool pool;
    private final ContactRepository contacts;
    private final AgentRepository agents;
    private final OfferRepository offers;
    private final QueueDirectory queues;
    private final StaffingView staffing;
    private final AgentEvents agentEvents;
    private final Outbox outbox;
    private final Signals signals;
    private final RoutingConfig config;
    private final Clock clock;

    public ContactService(Pool pool, ContactRepository contacts, AgentRepository agents, OfferRepository offers,
            QueueDirectory queues, StaffingView staffing, AgentEvents agentEvents, Outbox outbox, Signals signals,
            RoutingConfig config, Clock clock) {
        this.pool = pool;
        this.contacts = contacts;
        this.agents = agents;
        this.offers = offers;
        this.queues = queues;
        this.staffing = staffing;
        this.agentEvents = agentEvents;
        this.outbox = outbox;
        this.signals = signals;
        this.config = config;
        this.clock = clock;
    }

    /** Result of an enqueue: the contact and whether this call created it. */
    public record Enqueued(ContactView contact, boolean created) {
    }

    public Uni<Enqueued> enqueue(EnqueueCommand command) {
        return pool.withTransaction(tx -> enqueue(tx, command).call(() -> signals.wake(tx)));
    }

    /**
     * Enqueues in the caller's transaction; a repeated command for a known contact id returns the existing
     * contact unchanged. Unknown queue: {@link NotFoundException}. The caller wakes the routing pass
     * ({@link Signals#wake}) once per transaction.
     */
    public Uni<Enqueued> enqueue(SqlClient tx, EnqueueCommand command) {
        return contacts.find(tx, command.contactId()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(new Enqueued(ContactView.of(existing, null, null), false));
            }
            QueueRow cached = queues.current().get(command.queueId());
            Uni<QueueRow> lookup = cached != null ? Uni.createFrom().item(cached) : queues.find(tx, command.queueId());
            return lookup.chain(queue -> {
                if (queue == null) {
                    return Uni.createFrom().failure(unknownQueue(command.queueId()));
                }
                Instant now = Sql.now(clock);
                ContactRow c = new ContactRow();
                c.id = command.contactId();
                c.queueId = queue.id();
                c.channel = command.channel();
                c.priority = command.priority();
                c.attributes = command.attributes() == null ? Map.of() : command.attributes();
                c.requiredSkills = command.requiredSkills() == null ? Map.of() : command.requiredSkills();
                c.parentContactId = command.parentContactId();
                c.enteredAt = now;
                c.queuedAt = now;
                // a callback that keeps its place counts from the original entry, never from the future
                c.virtualStartTime = command.virtualStartTime() != null && command.virtualStartTime().isBefore(now)
                        ? command.virtualStartTime() : now;
                c.preferredAgentId = command.preferredAgentId();
                c.preferredUntil = command.preferredAgentId() == null ? null
                        : now.plus(config.preferredAgentTimeout());
                c.state = ContactState.QUEUED;
                return admit(tx, c, queue, now, 0, true).map(view -> new Enqueued(view, true));
            });
        });
    }

    /**
     * Places the contact in {@code queue} or sends it on by the queue's rules. {@code insert}: the row does
     * not exist yet.
     */
    private Uni<ContactView> admit(SqlClient tx, ContactRow c, QueueRow queue, Instant now, int hops, boolean insert) {
        var definition = queue.definition();
        Staffing staff = staffing.of(queue.id());
        if (!definition.isOpen(now)) {
            return exit(tx, c, queue, definition.closedAction(), "closed", now, hops, insert);
        }
        if (!definition.joinWhenEmpty() && staff.loggedIn() == 0) {
            return exit(tx, c, queue, definition.exitAction(), "no-agents", now, hops, insert);
        }
        Uni<Boolean> full = definition.maxQueueLength() == null ? Uni.createFrom().item(false)
                : contacts.waitingCount(tx, queue.id()).map(n -> n >= definition.maxQueueLength());
        return full.chain(isFull -> {
            if (isFull) {
                return exit(tx, c, queue, definition.exitAction(), "queue-full", now, hops, insert);
            }
            c.state = ContactState.QUEUED;
            c.queueId = queue.id();
            c.queuedAt = now;
            c.overflowStep = 0;
            return contacts.position(tx, c.queueId, c.priority, c.virtualStartTime, c.id).chain(position -> {
                var ewt = WaitEstimator.estimateSeconds(position, staff.staffed(), staff.freeFor(c.channel),
                        queue.handleSeconds());
                Double estimate = ewt.isPresent() ? ewt.getAsDouble() : null;
                if (c.positionAtEntry == null) {
                    c.positionAtEntry = position;
                    c.ewtAtEntry = estimate;
                }
                ContactQueued event = new ContactQueued(c.id, c.queueId, c.channel, c.priority, c.queuedAt,
                        c.virtualStartTime, c.attributes, position, estimate);
                return write(tx, c, insert).chain(written -> !written ? existing(tx, c.id)
                        : recordEstimate(tx, c, position, staff.staffed(), estimate, now)
                                .chain(() -> outbox.publish(tx, EventTypes.CONTACT_QUEUED, c.id, event))
                                .replaceWith(() -> ContactView.of(c, position, estimate)));
            });
        });
    }

    /** Inserts a new row or saves a locked one; false when an insert met an existing id (a duplicate command). */
    private Uni<Boolean> write(SqlClient tx, ContactRow c, boolean insert) {
        return insert ? contacts.insert(tx, c) : contacts.save(tx, c).replaceWith(true);
    }

    private Uni<ContactView> existing(SqlClient tx, String id) {
        return contacts.find(tx, id).map(row -> ContactView.of(row, null, null));
    }

    private Uni<Void> recordEstimate(SqlClient tx, ContactRow c, int position, int staffed, Double estimate,
            Instant now) {
        return tx.preparedQuery("insert into routing_wait_estimate (contact_id, queue_id, estimated_at, position,"
                + " staffed, estimate_seconds) values ($1, $2, $3, $4, $5, $6) on conflict do nothing")
                .execute(Tuple.of(c.id, c.queueId, io.contactcenter.events.sql.Sql.utc(now), position, staffed,
                        estimate))
                .replaceWithVoid();
    }

    /** Applies an exit action: into another queue (keeping place and context), or a terminal outcome. */
    Uni<ContactView> exit(SqlClient tx, ContactRow c, QueueRow from, ExitAction action, String reason,
            Instant now, int hops, boolean insert) {
        double waited = seconds(c.queuedAt, now);
        ContactOverflowed event = new ContactOverflowed(c.id, from.id(), action.action().name(),
                action.targetQueueId(), action.message(), reason, waited, now);
        Uni<Void> announce = outbox.publish(tx, EventTypes.CONTACT_OVERFLOWED, c.id, event).replaceWithVoid();
        if (action.action() == ExitAction.Kind.MOVE_TO_QUEUE && hops < MAX_QUEUE_HOPS) {
            return announce.chain(() -> queues.find(tx, action.targetQueueId())).chain(target -> target == null
                    ? terminal(tx, c, new ExitAction(ExitAction.Kind.VOICEMAIL, null, null), reason, now, insert)
                    : admit(tx, c, target, now, hops + 1, insert));
        }
        if (action.action() == ExitAction.Kind.WIDEN_SKILLS) {
            c.widened = true;
            return announce.chain(() -> write(tx, c, insert)).replaceWith(() -> ContactView.of(c, null, null));
        }
        return announce.chain(() -> terminal(tx, c, action, reason, now, insert));
    }

    private Uni<ContactView> terminal(SqlClient tx, ContactRow c, ExitAction action, String reason, Instant now,
            boolean insert) {
        c.state = ContactState.OVERFLOWED;
        c.outcome = action.action() == ExitAction.Kind.MOVE_TO_QUEUE ? ExitAction.Kind.VOICEMAIL.name()
                : action.action().name();
        c.outcomeDetail = action.message() == null ? reason : reason + ": " + action.message();
        c.endedAt = now;
        return write(tx, c, insert)
                .chain(() -> closeEstimate(tx, c.id, now, "OVERFLOWED", c.enteredAt))
                .replaceWith(() -> ContactView.of(c, null, null));
    }

    /** Runs a timed overflow rule on a waiting contact locked by the caller. */
    public Uni<ContactView> overflow(SqlClient tx, ContactRow c, QueueRow queue, ExitAction action, int nextStep,
            Instant now) {
        c.overflowStep = nextStep;
        String reason = action == queue.definition().exitAction() ? "max-wait-or-empty" : "overflow";
        return exit(tx, c, queue, action, reason, now, 0, false).call(() -> signals.wake(tx));
    }

    public Uni<ContactView> find(String contactId) {
        return contacts.find(pool, contactId).chain(c -> {
            if (c == null) {
                return Uni.createFrom().nullItem();
            }
            if (c.state != ContactState.QUEUED) {
                return Uni.createFrom().item(ContactView.of(c, null, null));
            }
            return contacts.position(pool, c.queueId, c.priority, c.virtualStartTime, c.id).map(position -> {
                QueueRow q = queues.current().get(c.queueId);
                Staffing staff = staffing.of(c.queueId);
                var ewt = WaitEstimator.estimateSeconds(position, staff.staffed(), staff.freeFor(c.channel),
                        q == null ? 180 : q.handleSeconds());
                return ContactView.of(c, position, ewt.isPresent() ? ewt.getAsDouble() : null);
            });
        });
    }

    /** The caller hung up while waiting or being offered. Idempotent for an already abandoned contact. */
    public Uni<ContactView> abandon(String contactId) {
        return pool.withTransaction(tx -> lockKnown(tx, contactId).chain(c -> {
            if (c.state == ContactState.ABANDONED) {
                return Uni.createFrom().item(ContactView.of(c, null, null));
            }
            if (c.state != ContactState.QUEUED && c.state != ContactState.OFFERED) {
                return Uni.createFrom().failure(conflict("Contact '" + contactId + "' is " + c.state
                        + "; only a waiting or offered contact can be abandoned"
                        + (c.state == ContactState.CONNECTED ? " (complete it instead)." : ".")));
            }
            return abandonLocked(tx, c, Sql.now(clock));
        }));
    }

    /** Ends a waiting or offered contact, locked by the caller, as abandoned, with its wait and position. */
    private Uni<ContactView> abandonLocked(SqlClient tx, ContactRow c, Instant now) {
        return contacts.position(tx, c.queueId, c.priority, c.virtualStartTime, c.id)
                .chain(position -> releaseOffer(tx, c, OfferStatus.CANCELLED, now).chain(() -> {
                    c.state = ContactState.ABANDONED;
                    c.outcome = "ABANDONED";
                    c.endedAt = now;
                    c.agentId = null;
                    double waited = seconds(c.enteredAt, now);
                    return contacts.save(tx, c)
                            .chain(() -> closeEstimate(tx, c.id, now, "ABANDONED", c.enteredAt))
                            .chain(() -> outbox.publish(tx, EventTypes.CONTACT_ABANDONED, c.id,
                                    new ContactAbandoned(c.id, c.queueId, waited, position, now)))
                            .replaceWith(() -> ContactView.of(c, null, null));
                }));
    }

    /** {@code routing.cancel}: take a waiting contact out (e.g. handed to a callback); no-op once it ended. */
    public Uni<Void> cancel(SqlClient tx, String contactId, String reason) {
        return contacts.lock(tx, contactId).chain(c -> {
            if (c == null || (c.state != ContactState.QUEUED && c.state != ContactState.OFFERED)) {
                return Uni.createFrom().voidItem();
            }
            Instant now = Sql.now(clock);
            if (CancelCommand.CALLER_HUNG_UP.equals(reason)) {
                // the IVR's fallback when its DELETE did not get through: still the caller's abandon, so reports
                // count it and callback-service can return the call
                return abandonLocked(tx, c, now).replaceWithVoid();
            }
            return releaseOffer(tx, c, OfferStatus.CANCELLED, now).chain(() -> {
                c.state = ContactState.CANCELLED;
                c.outcome = "CANCELLED";
                c.outcomeDetail = reason;
                c.endedAt = now;
                c.agentId = null;
                return contacts.save(tx, c)
                        .chain(() -> closeEstimate(tx, c.id, now, "CANCELLED", c.enteredAt))
                        .chain(() -> outbox.publish(tx, EventTypes.CONTACT_CANCELLED, c.id,
                                new ContactCancelled(c.id, c.queueId, reason, seconds(c.enteredAt, now), now)))
                        .replaceWithVoid();
            });
        });
    }

    /**
     * The agent finished the contact: wrap-up starts, and the agent is offered again when it ends.
     *
     * @param caller the agent id of the caller, or null for a supervisor or service acting for the agent
     */
    public Uni<ContactView> complete(String contactId, String caller, double holdSeconds) {
        return pool.withTransaction(tx -> lockKnown(tx, contactId).chain(c -> {
            if (c.state != ContactState.CONNECTED) {
                return Uni.createFrom().failure(conflict("Contact '" + contactId + "' is " + c.state
                        + "; only a connected contact can be completed."));
            }
            if (caller != null && !caller.equals(c.agentId)) {
                return Uni.createFrom().failure(conflict("Contact '" + contactId + "' is handled by another agent."));
            }
            Instant now = Sql.now(clock);
            return queues.find(tx, c.queueId).chain(queue -> {
                int wrapUp = queue == null ? 0 : queue.definition().wrapUpSeconds();
                double talk = Math.max(0, seconds(c.answeredAt, now) - holdSeconds);
                String agentId = c.agentId;
                return endWork(tx, c, now, wrapUp, talk).chain(() -> {
                    c.state = ContactState.COMPLETED;
                    c.outcome = "COMPLETED";
                    c.endedAt = now;
                    return contacts.save(tx, c)
                            .chain(() -> recordHandleTime(tx, c.queueId, talk + holdSeconds + wrapUp))
                            .chain(() -> outbox.publish(tx, EventTypes.CONTACT_COMPLETED, c.id,
                                    new ContactCompleted(c.id, c.queueId, agentId, talk, holdSeconds, wrapUp, now)))
                            .chain(() -> signals.wake(tx))
                            .replaceWith(() -> ContactView.of(c, null, null));
                });
            });
        }));
    }

    /**
     * Sends a connected contact, with all its attributes, to another queue or a named agent. It keeps its
     * virtual start time, so a transferred caller is not sent to the back of the line.
     */
    public Uni<ContactView> transfer(String contactId, String caller, String toQueueId, String toAgentId,
            Integer priority) {
        return pool.withTransaction(tx -> lockKnown(tx, contactId).chain(c -> {
            if (c.state == ContactState.QUEUED && caller == null && toQueueId != null) {
                return move(tx, c, toQueueId, priority);
            }
            if (c.state != ContactState.CONNECTED) {
                return Uni.createFrom().failure(conflict("Contact '" + contactId + "' is " + c.state
                        + "; only a connected contact can be transferred"
                        + (caller == null ? ", or a waiting one moved to another queue." : ".")));
            }
            if (caller != null && !caller.equals(c.agentId)) {
                return Uni.createFrom().failure(conflict("Contact '" + contactId + "' is handled by another agent."));
            }
            String targetQueue = toQueueId == null ? c.queueId : toQueueId;
            Uni<AgentRow> targetAgent = toAgentId == null ? Uni.createFrom().nullItem() : agents.find(tx, toAgentId)
                    .onItem().ifNull().failWith(() -> new NotFoundException("No agent with id '" + toAgentId + "'."));
            return targetAgent.chain(ignored -> queues.find(tx, targetQueue)).chain(queue -> {
                if (queue == null) {
                    return Uni.createFrom().<ContactView>failure(unknownQueue(targetQueue));
                }
                Instant now = Sql.now(clock);
                String fromQueue = c.queueId;
                String fromAgent = c.agentId;
                return endWork(tx, c, now, 0, seconds(c.answeredAt, now)).chain(() -> {
                    c.agentId = null;
                    c.answeredAt = null;
                    c.widened = false;
                    c.excluded = Map.of();
                    c.preferredAgentId = toAgentId;
                    c.preferredUntil = toAgentId == null ? null : now.plus(config.preferredAgentTimeout());
                    if (priority != null) {
                        c.priority = priority;
                    }
                    return requeue(tx, c, queue, new ContactTransferred(c.id, fromQueue, fromAgent, queue.id(), toAgentId, now), now);
                });
            });
        }));
    }

    /**
     * A supervisor moves a waiting contact to another queue. Like a transfer it keeps its virtual start time and
     * context, so the caller does not lose their turn; the event says no agent handed it over.
     */
    private Uni<ContactView> move(SqlClient tx, ContactRow c, String toQueueId, Integer priority) {
        if (toQueueId.equals(c.queueId)) {
            return Uni.createFrom().failure(conflict("Contact '" + c.id + "' already waits in queue '" + toQueueId + "'."));
        }
        return queues.find(tx, toQueueId).chain(queue -> {
            if (queue == null) {
                return Uni.createFrom().<ContactView>failure(unknownQueue(toQueueId));
            }
            Instant now = Sql.now(clock);
            String fromQueue = c.queueId;
            if (priority != null) {
                c.priority = priority;
            }
            return requeue(tx, c, queue, new ContactTransferred(c.id, fromQueue, null, queue.id(), null, now), now);
        });
    }

    /** A transfer or a move: announced, then admitted to the target queue with its virtual start time kept. */
    private Uni<ContactView> requeue(SqlClient tx, ContactRow c, QueueRow queue, ContactTransferred event, Instant now) {
        return outbox.publish(tx, EventTypes.CONTACT_TRANSFERRED, c.id, event)
                .chain(() -> admit(tx, c, queue, now, 0, false))
                .call(() -> signals.wake(tx));
    }

    /** The contacts waiting in a queue, in the order they will be served (at most {@code limit}). */
    public Uni<List<ContactView>> waitingIn(String queueId, int limit) {
        return contacts.waitingIn(pool, queueId, limit).map(rows -> {
            List<ContactView> views = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                views.add(ContactView.of(rows.get(i), i + 1, null));
            }
            return views;
        });
    }

    /** Ends the agent's part: the accepted offer ends, capacity frees, wrap-up starts. */
    private Uni<Void> endWork(SqlClient tx, ContactRow c, Instant now, int wrapUpSeconds, double talkSeconds) {
        return offers.lockLive(tx, c.id).chain(offer -> agents.lock(tx, c.agentId).chain(agent -> {
            AgentState before = agent.state(now);
            agent.addLoad(c.channel, -1);
            agent.contactsHandled++;
            agent.talkSeconds += talkSeconds;
            if (wrapUpSeconds > 0) {
                Instant until = now.plusSeconds(wrapUpSeconds);
                agent.wrapUpUntil = agent.wrapUpUntil != null && agent.wrapUpUntil.isAfter(until) ? agent.wrapUpUntil : until;
            }
            agent.idleSince = agent.wrapUpUntil != null && agent.wrapUpUntil.isAfter(now) ? agent.wrapUpUntil : now;
            return (offer == null ? Uni.createFrom().voidItem() : offers.setStatus(tx, offer.id(), OfferStatus.ENDED, now))
                    .chain(() -> agents.save(tx, agent))
                    .chain(() -> agentEvents.ifChanged(tx, agent, before, now));
        }));
    }

    /** Withdraws the contact's pending offer, if any, and frees the agent's capacity for it. */
    public Uni<Void> releaseOffer(SqlClient tx, ContactRow c, OfferStatus status, Instant now) {
        if (c.state != ContactState.OFFERED) {
            return Uni.createFrom().voidItem();
        }
        return offers.lockLive(tx, c.id).chain(offer -> offer == null ? Uni.createFrom().voidItem()
                : agents.lock(tx, offer.agentId()).chain(agent -> {
                    AgentState before = agent.state(now);
                    agent.pendingOffers--;
                    agent.addLoad(offer.channel(), -1);
                    return offers.setStatus(tx, offer.id(), status, now)
                            .chain(() -> agents.save(tx, agent))
                            .chain(() -> agentEvents.ifChanged(tx, agent, before, now))
                            .chain(() -> signals.wake(tx));
                }));
    }

    Uni<Void> closeEstimate(SqlClient tx, String contactId, Instant now, String outcome, Instant enteredAt) {
        return tx.preparedQuery("update routing_wait_estimate set actual_seconds = $2, outcome = $3"
                + " where contact_id = $1 and outcome is null")
                .execute(Tuple.of(contactId, seconds(enteredAt, now), outcome)).replaceWithVoid();
    }

    public Uni<Void> answered(SqlClient tx, ContactRow c, Instant now) {
        return closeEstimate(tx, c.id, now, "ANSWERED", c.enteredAt);
    }

    private Uni<Void> recordHandleTime(SqlClient tx, String queueId, double handleSeconds) {
        return tx.preparedQuery("select aht_seconds, aht_samples from routing_queue where id = $1 for update")
                .execute(Tuple.of(queueId)).chain(rows -> {
                    var it = rows.iterator();
                    if (!it.hasNext()) {
                        return Uni.createFrom().voidItem();
                    }
                    var row = it.next();
                    Double current = row.getDouble("aht_seconds");
                    long samples = row.getLong("aht_samples");
                    double next = WaitEstimator.nextAverage(current == null ? 0 : current, samples, handleSeconds);
                    return tx.preparedQuery("update routing_queue set aht_seconds = $2, aht_samples = $3 where id = $1")
                            .execute(Tuple.of(queueId, next, samples + 1)).replaceWithVoid();
                });
    }

    private Uni<ContactRow> lockKnown(SqlClient tx, String contactId) {
        return contacts.lock(tx, contactId)
                .onItem().ifNull().failWith(() -> new NotFoundException("No contact with id '" + contactId + "'."));
    }

    public static double seconds(Instant from, Instant to) {
        return from == null ? 0 : Math.max(0, Duration.between(from, to).toMillis() / 1000.0);
    }

    static NotFoundException unknownQueue(String queueId) {
        return new NotFoundException("No queue with id '" + queueId + "'; create it with PUT /routing/queues/"
                + queueId + ".");
    }

    public static ClientErrorException conflict(String message) {
        return new ClientErrorException(message, 409);
    }
}
