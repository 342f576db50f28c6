package io.contactcenter.ivr.call;

import io.contactcenter.events.Channel;
import io.contactcenter.events.CloudEvent;
import io.contactcenter.events.EventCodec;
import io.contactcenter.events.EventTypes;
import io.contactcenter.events.contact.ContactAbandoned;
import io.contactcenter.events.contact.ContactArrived;
import io.contactcenter.events.contact.ContactSurveyCompleted;
import io.contactcenter.events.ivr.IvrCompleted;
import io.contactcenter.events.ivr.IvrInputRejected;
import io.contactcenter.events.ivr.IvrNodeEntered;
import io.contactcenter.events.outbox.Outbox;
import io.contactcenter.events.routing.CancelCommand;
import io.contactcenter.events.routing.EnqueueCommand;
import io.contactcenter.events.sql.Sql;
import io.contactcenter.events.Ids;
import io.contactcenter.ivr.config.IvrConfig;
import io.contactcenter.ivr.flow.Action;
import io.contactcenter.ivr.flow.FlowDocument;
import io.contactcenter.ivr.flow.FlowEngine;
import io.contactcenter.ivr.flow.HoldTreatment;
import io.contactcenter.ivr.flow.Node;
import io.contactcenter.ivr.store.FlowStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The telephony edge's side of a call: a call arrives, events come in, actions go out. Runs on worker threads (the
 * engine asks the CRM and routing synchronously, each bounded by fault tolerance); each turn commits the session,
 * the analytics events and any hand-off to routing together, guarded by the session's version.
 */
@ApplicationScoped
public class CallService {

    private static final Logger LOG = Logger.getLogger(CallService.class);
    private static final Duration WAIT = Duration.ofSeconds(5);

    /** What the edge gets back. */
    public record Turn(String sessionId, String contactId, String state, List<Action> actions) {
    }

    /** An event from the edge. */
    public record EdgeEvent(String type, String digits, String text, Double confidence) {
    }

    private final Pool pool;
    private final SessionRepository sessions;
    private final FlowStore flows;
    private final ServiceCalls calls;
    private final Outbox outbox;
    private final EventCodec codec;
    private final IvrConfig config;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Map<String, CachedQueue> queueCache = new ConcurrentHashMap<>();

    private record CachedQueue(Map<String, Object> status, Instant until) {
    }

    public CallService(Pool pool, SessionRepository sessions, FlowStore flows, ServiceCalls calls, Outbox outbox,
            EventCodec codec, IvrConfig config, Clock clock, MeterRegistry registry) {
        this.pool = pool;
        this.sessions = sessions;
        this.flows = flows;
        this.calls = calls;
        this.outbox = outbox;
        this.codec = codec;
        this.config = config;
        this.clock = clock;
        this.registry = registry;
    }

    /**
     * A new call to {@code to}: the flow bound to that number answers it. A repeated callId is a conflict naming the
     * session it already has.
     */
    public Turn start(String callId, String from, String to) {
        var row = pool.preparedQuery("select b.flow_id, f.active_version, v.source, v.format from ivr_number b"
                        + " join ivr_flow f on f.flow_id = b.flow_id join ivr_flow_version v on v.flow_id = f.flow_id"
                        + " and v.version = f.active_version where b.e164 = $1").execute(Tuple.of(to)).await().atMost(WAIT);
        if (row.size() == 0) {
            throw new NotFoundException("Number " + to + " is not bound to a published flow.");
        }
        var r = row.iterator().next();
        String flowId = r.getString("flow_id");
        int version = r.getInteger("active_version");
        FlowDocument flow = flows.published(flowId, version, r.getString("source"), r.getString("format"));
        String sessionId = Ids.newId();
        String contactId = "c-" + Ids.newId();
        Instant now = Sql.now(clock);
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("caller", from);
        vars.put("dialed", to);
        vars.put("callId", callId);
        vars.put("contactId", contactId);
        FlowEngine.Step step = FlowEngine.start(flow, vars, runtime());
        Session fresh = new Session(sessionId, callId, contactId, flowId, version, from, to, "IVR", flow.start(), Map.of(), 0,
                false, null, null, null, null, null, null, now, 0);
        List<CloudEvent> events = new ArrayList<>();
        events.add(codec.create(EventTypes.CONTACT_ARRIVED, contactId, new ContactArrived(contactId, Channel.VOICE, from, to, now)));
        Applied applied = apply(flow, fresh, step, events, now);
        try {
            pool.withTransaction(tx -> sessions.insert(tx, applied.session(), now).chain(() -> outbox.addAll(tx, events)))
                    .await().atMost(WAIT);
        } catch (PgException e) {
            // the unique call id decides, not a read before the insert: one round trip less per call, and two
            // replicas receiving the same call at once cannot both start it
            Session existing = Sql.uniqueViolation(e) ? sessions.byCall(pool, callId).await().atMost(WAIT) : null;
            if (existing != null) {
                throw new ClientErrorException("Call '" + callId + "' already has session " + existing.id() + ".", 409);
            }
            throw e;
        }
        afterCommit(applied);
        return new Turn(sessionId, contactId, applied.session().state(), applied.actions());
    }

    /**
     * One edge event. If routing's answer (or another event of the call) changed the session while this turn was being
     * worked out, the turn is worked out again on the new state, up to three times.
     */
    public Turn event(String sessionId, EdgeEvent e) {
        for (int attempt = 1; ; attempt++) {
            Turn turn = tryEvent(sessionId, e);
            if (turn != null) {
                return turn;
            }
            if (attempt == 3) {
                throw new ClientErrorException("Events for session " + sessionId + " keep arriving at the same time; send"
                        + " the events of one call one after another.", 409);
            }
        }
    }

    private Turn tryEvent(String sessionId, EdgeEvent e) {
        Session s = sessions.find(pool, sessionId).await().atMost(WAIT);
        if (s == null) {
            throw new NotFoundException("No call session '" + sessionId + "'.");
        }
        if ("ENDED".equals(s.state())) {
            throw new ClientErrorException("Call session " + sessionId + " has ended (" + s.outcome() + ").", 409);
        }
        FlowDocument cached = flows.cached(s.flowId(), s.flowVersion());
        FlowDocument flow = cached != null ? cached : flows.version(s.flowId(), s.flowVersion()).await().atMost(WAIT).document();
        Instant now = Sql.now(clock);
        List<CloudEvent> events = new ArrayList<>();
        Applied applied = switch (s.state()) {
            case "IVR" -> inFlow(flow, s, e, events, now);
            case "QUEUED" -> onHold(flow, s, e, events, now);
            case "REFUSED" -> refusedByRouting(flow, s, e, events, now);
            default -> connected(flow, s, e, events, now);
        };
        boolean written = pool.withTransaction(tx -> sessions.update(tx, applied.session(), now)
                        .call(ok -> ok ? outbox.addAll(tx, events) : io.smallrye.mutiny.Uni.createFrom().voidItem()))
                .await().atMost(WAIT);
        if (!written) {
            return null;
        }
        afterCommit(applied);
        return new Turn(sessionId, s.contactId(), applied.session().state(), applied.actions());
    }

    private Applied inFlow(FlowDocument flow, Session s, EdgeEvent e, List<CloudEvent> events, Instant now) {
        if (!"hangup".equals(e.type()) && !s.waiting()) {
            return new Applied(s, List.of(), null); // e.g. 'played' while nothing is asked: nothing to do
        }
        if (!"hangup".equals(e.type()) && !List.of("digits", "speech", "timeout").contains(e.type())) {
            throw new jakarta.ws.rs.BadRequestException("type: one of digits, speech, timeout, hangup, played, agent-ended");
        }
        FlowEngine.Step step = FlowEngine.onInput(flow, new FlowEngine.State(s.node(), s.variables(), s.retries(), s.waiting()),
                new FlowEngine.Input(e.type(), e.digits(), e.text(), e.confidence()), runtime());
        return apply(flow, s, step, events, now);
    }

    private Applied onHold(FlowDocument flow, Session s, EdgeEvent e, List<CloudEvent> events, Instant now) {
        Node.Enqueue q = enqueueNode(flow, s);
        Node.Hold hold = q == null ? null : q.hold();
        if ("hangup".equals(e.type())) {
            Session ended = with(s, "ENDED", s.node(), s.variables(), s.hold(), "abandoned-in-queue");
            return new Applied(ended, List.of(), () -> calls.abandon(s.contactId()).onFailure().call(x -> fallbackCancel(s))
                    .subscribe().with(ok -> { }, err -> LOG.warnf("abandon of %s not delivered", s.contactId())));
        }
        String key = "digits".equals(e.type()) && e.digits() != null && !e.digits().isEmpty() ? e.digits().substring(0, 1) : null;
        if (key != null && hold != null && key.equals(hold.exitKey()) && hold.exitNode() != null) {
            events.add(codec.create(EventTypes.ROUTING_CANCEL, s.contactId(), new CancelCommand(s.contactId(), "caller-left-queue")));
            FlowEngine.Step step = FlowEngine.startAt(flow, hold.exitNode(), s.variables(), runtime());
            return apply(flow, with(s, "IVR", hold.exitNode(), s.variables(), s.hold(), null), step, events, now);
        }
        if ("1".equals(key) && s.hold() != null && s.hold().callbackOffered()) {
            // keep my place: the callback enters routing with the time this caller joined the queue
            events.add(codec.create(EventTypes.ROUTING_CANCEL, s.contactId(), new CancelCommand(s.contactId(), "callback-requested")));
            Session ended = with(s, "ENDED", s.node(), s.variables(), s.hold(), "callback");
            String lang = language(flow, s);
            return new Applied(ended, List.of(Action.say("Thank you. We will call you back without losing your place.", null, lang),
                    Action.hangup()), () -> bookCallback(s, s.queueId(), s.enqueuedAt()));
        }
        ServiceCalls.Waiting w = calls.waiting(s.contactId()).await().atMost(WAIT);
        HoldTreatment.Turn turn = HoldTreatment.next(hold, s.hold() == null ? HoldTreatment.State.START : s.hold(), now,
                w.position(), w.estimatedWaitSeconds(), language(flow, s), config.holdGatherSeconds());
        return new Applied(with(s, "QUEUED", s.node(), s.variables(), turn.state(), null), turn.actions(), null);
    }

    /** The queue could not take the call: an apology, then the hold's exit (a mailbox, say) or goodbye. */
    private Applied refusedByRouting(FlowDocument flow, Session s, EdgeEvent e, List<CloudEvent> events, Instant now) {
        if ("hangup".equals(e.type())) {
            return new Applied(with(s, "ENDED", s.node(), s.variables(), s.hold(), "abandoned-in-queue"), List.of(), null);
        }
        Node.Enqueue q = enqueueNode(flow, s);
        Action sorry = Action.say("We are sorry, we cannot put you through right now.", null, language(flow, s));
        if (q != null && q.hold() != null && q.hold().exitNode() != null) {
            FlowEngine.Step step = FlowEngine.startAt(flow, q.hold().exitNode(), s.variables(), runtime());
            Applied next = apply(flow, with(s, "IVR", q.hold().exitNode(), s.variables(), s.hold(), null), step, events, now);
            List<Action> actions = new ArrayList<>(List.of(sorry));
            actions.addAll(next.actions());
            return new Applied(next.session(), actions, next.after());
        }
        return new Applied(with(s, "ENDED", s.node(), s.variables(), s.hold(), "refused"), List.of(sorry, Action.hangup()),
                null);
    }

    private Applied connected(FlowDocument flow, Session s, EdgeEvent e, List<CloudEvent> events, Instant now) {
        if ("agent-ended".equals(e.type()) && s.afterCall() != null) {
            FlowEngine.Step step = FlowEngine.startAt(flow, s.afterCall(), s.variables(), runtime());
            return apply(flow, with(s, "IVR", s.afterCall(), s.variables(), s.hold(), null), step, events, now);
        }
        if ("hangup".equals(e.type()) || "agent-ended".equals(e.type())) {
            return new Applied(with(s, "ENDED", s.node(), s.variables(), s.hold(), "completed"),
                    "agent-ended".equals(e.type()) ? List.of(Action.hangup()) : List.of(), null);
        }
        return new Applied(s, List.of(Action.bridge(s.agentId())), null);
    }

    /** Routing refused the hand-off (unknown queue, invalid command): the next turn takes the caller elsewhere. */
    public io.smallrye.mutiny.Uni<Void> refused(io.vertx.mutiny.sqlclient.SqlClient tx, String contactId) {
        return tx.preparedQuery("update ivr_session set state = 'REFUSED', version = version + 1"
                + " where contact_id = $1 and state = 'QUEUED'").execute(Tuple.of(contactId)).replaceWithVoid();
    }

    /** An agent accepted the call in routing: the next turn bridges it. Runs in the contacts consumer's transaction. */
    public io.smallrye.mutiny.Uni<Void> answered(io.vertx.mutiny.sqlclient.SqlClient tx, String contactId, String agentId) {
        return tx.preparedQuery("update ivr_session set state = 'CONNECTED', agent_id = $2, version = version + 1"
                + " where contact_id = $1 and state = 'QUEUED'").execute(Tuple.of(contactId, agentId)).replaceWithVoid();
    }

    /** A turn's outcome: the session to write, the actions, and work to do once it is committed. */
    private record Applied(Session session, List<Action> actions, Runnable after) {
    }

    private Applied apply(FlowDocument flow, Session s, FlowEngine.Step step, List<CloudEvent> events, Instant now) {
        Map<String, Object> vars = new LinkedHashMap<>(step.state().variables());
        for (String node : step.entered()) {
            Node n = flow.node(node);
            events.add(codec.create(EventTypes.IVR_NODE_ENTERED, s.id(), new IvrNodeEntered(s.id(), s.contactId(), s.flowId(),
                    s.flowVersion(), node, n == null ? null : n.getClass().getSimpleName().toLowerCase())));
        }
        step.rejected().forEach(r -> events.add(codec.create(EventTypes.IVR_INPUT_REJECTED, s.id(),
                new IvrInputRejected(s.id(), s.flowId(), r.node(), r.reason()))));
        List<Action> actions = new ArrayList<>(step.actions());
        Session next = with(s, "IVR", step.state().node(), vars, s.hold(), null);
        next = new Session(next.id(), next.callId(), next.contactId(), next.flowId(), next.flowVersion(), next.from(), next.to(),
                next.state(), next.node(), vars, step.state().retries(), step.state().waiting(), next.queueId(), next.enqueuedAt(),
                next.hold(), next.agentId(), next.afterCall(), null, next.startedAt(), next.version());
        Runnable after = null;
        for (FlowEngine.Effect effect : step.effects()) {
            if (effect instanceof FlowEngine.SurveyEffect survey) {
                events.add(codec.create(EventTypes.CONTACT_SURVEY_COMPLETED, s.contactId(),
                        new ContactSurveyCompleted(s.contactId(), survey.score(), now)));
            } else if (effect instanceof FlowEngine.CallbackEffect cb) {
                after = () -> bookCallback(s, cb.queue(), null);
            } else if (effect instanceof FlowEngine.SmsEffect sms) {
                Map<String, String> context = context(s, vars);
                after = () -> calls.continueBySms(s.from(), sms.message(), sms.queue(), s.contactId(), context).subscribe().with(
                        ok -> LOG.debugf("call %s continues by SMS", s.contactId()),
                        e -> LOG.warnf("call %s: the SMS to continue by could not be started: %s", s.contactId(), e.toString()));
            } else if (effect instanceof FlowEngine.EnqueueEffect q) {
                events.add(codec.create(EventTypes.ROUTING_ENQUEUE, s.contactId(), enqueue(s, q, vars)));
                HoldTreatment.Turn hold = HoldTreatment.next(q.enqueue().hold(), HoldTreatment.State.START, now, null,
                        queueEwt(q.enqueue().queue()), language(flow, next), config.holdGatherSeconds());
                actions.add(Action.enqueued(q.enqueue().queue(), s.contactId()));
                actions.addAll(hold.actions());
                next = new Session(next.id(), next.callId(), next.contactId(), next.flowId(), next.flowVersion(), next.from(),
                        next.to(), "QUEUED", q.node(), vars, 0, false, q.enqueue().queue(), now, hold.state(), null,
                        q.enqueue().afterCall(), null, next.startedAt(), next.version());
            }
        }
        if (step.outcome() != null) {
            boolean firstExit = !Boolean.TRUE.equals(s.variables().get("ivrCompleted"));
            if (firstExit) {
                vars.put("ivrCompleted", true);
                events.add(codec.create(EventTypes.IVR_COMPLETED, s.id(), new IvrCompleted(s.id(), s.contactId(), s.flowId(),
                        step.outcome(), step.state().node())));
            }
            if (!"enqueued".equals(step.outcome())) {
                if ("abandoned".equals(step.outcome())) {
                    events.add(codec.create(EventTypes.CONTACT_ABANDONED, s.contactId(), new ContactAbandoned(s.contactId(), null,
                            Duration.between(s.startedAt(), now).toMillis() / 1000.0, 0, now)));
                }
                next = with(next, "ENDED", step.state().node(), vars, next.hold(), step.outcome());
            }
        }
        return new Applied(next, actions, after);
    }

    /** What the IVR learned, as a conversation's context: the flow's variables that are plain values. */
    private static Map<String, String> context(Session s, Map<String, Object> vars) {
        Map<String, String> context = new LinkedHashMap<>();
        vars.forEach((k, v) -> {
            if (v != null && !(v instanceof Map) && !(v instanceof java.util.Collection) && !"ivrCompleted".equals(k)
                    && String.valueOf(v).length() <= 1024 && context.size() < 40) {
                context.put(k, String.valueOf(v));
            }
        });
        context.put("ivrSessionId", s.id());
        context.put("ivrFlow", s.flowId() + "@" + s.flowVersion());
        return context;
    }

    private EnqueueCommand enqueue(Session s, FlowEngine.EnqueueEffect q, Map<String, Object> vars) {
        Map<String, String> attributes = new LinkedHashMap<>();
        q.attributes().forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                attributes.put(k, v);
            }
        });
        attributes.put("callerNumber", String.valueOf(s.from()));
        attributes.put("ivrSessionId", s.id());
        attributes.put("ivrFlow", s.flowId() + "@" + s.flowVersion());
        int priority = q.enqueue().priority() == null ? 0 : q.enqueue().priority();
        return new EnqueueCommand(s.contactId(), q.enqueue().queue(), Channel.VOICE, priority, q.enqueue().skills(), attributes,
                null, null, null);
    }

    private void bookCallback(Session s, String queue, Instant queuedAt) {
        calls.bookCallback(s.from(), queue, s.contactId(), queuedAt).subscribe().with(
                ok -> registry.counter("cc.ivr.callbacks", "result", "booked").increment(),
                e -> {
                    registry.counter("cc.ivr.callbacks", "result", "failed").increment();
                    LOG.warnf("callback for contact %s not booked: %s", s.contactId(), e.getMessage());
                });
    }

    private io.smallrye.mutiny.Uni<Void> fallbackCancel(Session s) {
        return pool.withTransaction(tx -> outbox.publish(tx, EventTypes.ROUTING_CANCEL, s.contactId(),
                new CancelCommand(s.contactId(), CancelCommand.CALLER_HUNG_UP))).replaceWithVoid();
    }

    private void afterCommit(Applied applied) {
        if (applied.after() != null) {
            applied.after().run();
        }
    }

    private static Session with(Session s, String state, String node, Map<String, Object> vars, HoldTreatment.State hold,
            String outcome) {
        return new Session(s.id(), s.callId(), s.contactId(), s.flowId(), s.flowVersion(), s.from(), s.to(), state, node, vars,
                s.retries(), s.waiting(), s.queueId(), s.enqueuedAt(), hold, s.agentId(), s.afterCall(), outcome, s.startedAt(),
                s.version());
    }

    private static Node.Enqueue enqueueNode(FlowDocument flow, Session s) {
        return flow.node(s.node()) instanceof Node.Enqueue q ? q : null;
    }

    private static String language(FlowDocument flow, Session s) {
        Object lang = s.variables().get("language");
        return lang != null ? String.valueOf(lang) : flow.language();
    }

    private Double queueEwt(String queue) {
        return (Double) queueStatus(queue).get("ewt");
    }

    private Map<String, Object> queueStatus(String queue) {
        Instant now = clock.instant();
        CachedQueue cached = queueCache.get(queue);
        if (cached != null && cached.until().isAfter(now)) {
            return cached.status();
        }
        Map<String, Object> status = calls.queueStatus(queue).await().atMost(WAIT);
        queueCache.put(queue, new CachedQueue(status, now.plus(config.routingCache())));
        return status;
    }

    /** The engine's view of the world: CRM and routing through bounded calls, the injected clock. */
    FlowEngine.Runtime runtime() {
        return new FlowEngine.Runtime() {
            @Override
            public Map<String, Object> lookup(String caller) {
                try {
                    return calls.lookup(caller).await().atMost(WAIT);
                } catch (RuntimeException e) {
                    throw new FlowEngine.LookupFailed(e.getMessage());
                }
            }

            @Override
            public Instant now() {
                return clock.instant();
            }

            @Override
            public boolean hoursOpen(String queueId) {
                return Boolean.TRUE.equals(queueStatus(queueId).get("open"));
            }

            @Override
            public Double queueEwt(String queueId) {
                return CallService.this.queueEwt(queueId);
            }
        };
    }
}
