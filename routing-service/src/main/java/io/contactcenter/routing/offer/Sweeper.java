package io.contactcenter.routing.offer;

import static io.contactcenter.events.sql.Sql.utc;

import io.contactcenter.events.EventTypes;
import io.contactcenter.events.agent.AgentStateChanged;
import io.contactcenter.events.outbox.Outbox;
import io.contactcenter.routing.agent.AgentRepository;
import io.contactcenter.routing.agent.AgentState;
import io.contactcenter.routing.agent.StaffingView;
import io.contactcenter.routing.config.RoutingConfig;
import io.contactcenter.routing.contact.ContactRepository;
import io.contactcenter.routing.contact.ContactRow;
import io.contactcenter.routing.contact.ContactService;
import io.contactcenter.routing.contact.ContactState;
import io.contactcenter.routing.engine.OverflowPlanner;
import io.contactcenter.routing.queue.QueueDirectory;
import io.contactcenter.routing.queue.QueueRow;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.contactcenter.events.sql.Sql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Time-driven work: offers nobody answered, wrap-ups that ended (announced), and timed overflow rules.
 * Every change re-checks its rows under lock, so replicas sweeping at once do each thing once.
 */
@ApplicationScoped
public class Sweeper {

    private static final Logger LOG = Logger.getLogger(Sweeper.class);
    private static final int BATCH = 500;

    private final Pool pool;
    private final OfferRepository offers;
    private final OfferService offerService;
    private final ContactRepository contacts;
    private final ContactService contactService;
    private final AgentRepository agents;
    private final QueueDirectory queues;
    private final StaffingView staffing;
    private final Outbox outbox;
    private final RoutingConfig config;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();

    public Sweeper(Pool pool, OfferRepository offers, OfferService offerService, ContactRepository contacts,
            ContactService contactService, AgentRepository agents, QueueDirectory queues, StaffingView staffing,
            Outbox outbox, RoutingConfig config, Clock clock) {
        this.pool = pool;
        this.offers = offers;
        this.offerService = offerService;
        this.contacts = contacts;
        this.contactService = contactService;
        this.agents = agents;
        this.queues = queues;
        this.staffing = staffing;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    void start(@Observes StartupEvent startup, Vertx vertx) {
        vertx.setPeriodic(config.sweepInterval().toMillis(), id -> {
            if (running.compareAndSet(false, true)) {
                sweepOnce().subscribe().with(ok -> running.set(false), e -> {
                    running.set(false);
                    LOG.warnf("sweep failed, next sweep retries: %s", e.toString());
                });
            }
        });
    }

    public Uni<Void> sweepOnce() {
        return expireOffers().chain(this::endWrapUps).chain(this::overflow);
    }

    private Uni<Void> expireOffers() {
        return offers.expired(pool, Sql.now(clock), BATCH).chain(list -> Multi.createFrom().iterable(list)
                .onItem().transformToUniAndConcatenate(o -> offerService.expire(o.id()))
                .collect().last().replaceWithVoid());
    }

    private Uni<Void> endWrapUps() {
        Instant now = Sql.now(clock);
        return pool.preparedQuery("select id from routing_agent where wrap_up_until <= $1 limit $2")
                .execute(Tuple.of(utc(now), BATCH))
                .chain(rows -> {
                    List<String> ids = new ArrayList<>();
                    rows.forEach(r -> ids.add(r.getString("id")));
                    return Multi.createFrom().iterable(ids)
                            .onItem().transformToUniAndConcatenate(id -> pool.withTransaction(tx -> agents.lock(tx, id)
                                    .chain(a -> {
                                        if (a == null || a.wrapUpUntil == null || a.wrapUpUntil.isAfter(now)) {
                                            return Uni.createFrom().voidItem();
                                        }
                                        a.wrapUpUntil = null;
                                        AgentState after = a.state(now);
                                        return agents.save(tx, a).chain(() -> outbox.publish(tx,
                                                EventTypes.AGENT_STATE_CHANGED, a.id, new AgentStateChanged(a.id,
                                                        AgentState.WRAP_UP.name(), after.name(), null, now)))
                                                .replaceWithVoid();
                                    })))
                            .collect().last().replaceWithVoid();
                });
    }

    private Uni<Void> overflow() {
        List<QueueRow> timed = queues.all().stream().filter(q -> !q.definition().timedRules().isEmpty()).toList();
        return Multi.createFrom().iterable(timed)
                .onItem().transformToUniAndConcatenate(q -> contacts.waitingIn(pool, q.id(), BATCH)
                        .chain(list -> Multi.createFrom().iterable(list)
                                .onItem().transformToUniAndConcatenate(c -> overflowIfDue(q, c))
                                .collect().last()))
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> overflowIfDue(QueueRow queue, ContactRow seen) {
        Instant now = Sql.now(clock);
        int loggedIn = staffing.of(queue.id()).loggedIn();
        var due = OverflowPlanner.due(queue.definition(), seen.queuedAt, seen.overflowStep, loggedIn, now);
        if (due.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.withTransaction(tx -> contacts.lock(tx, seen.id).chain(c -> {
            if (c == null || c.state != ContactState.QUEUED || !c.queueId.equals(queue.id())
                    || c.overflowStep != seen.overflowStep) {
                return Uni.createFrom().voidItem();
            }
            return contactService.overflow(tx, c, queue, due.get().rule().then(), due.get().nextStep(), now)
                    .replaceWithVoid();
        }));
    }
}
