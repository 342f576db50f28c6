package io.contactcenter.routing.offer;

import io.contactcenter.events.CloudEvent;
import io.contactcenter.events.EventCodec;
import io.contactcenter.events.EventTypes;
import io.contactcenter.events.agent.AgentStateChanged;
import io.contactcenter.events.contact.ContactOffered;
import io.contactcenter.events.outbox.Outbox;
import io.contactcenter.routing.agent.AgentRepository;
import io.contactcenter.routing.agent.AgentRow;
import io.contactcenter.routing.agent.AgentState;
import io.contactcenter.routing.config.RoutingConfig;
import io.contactcenter.routing.contact.ContactRepository;
import io.contactcenter.routing.contact.ContactRow;
import io.contactcenter.routing.engine.AgentSnapshot;
import io.contactcenter.routing.engine.Assignment;
import io.contactcenter.routing.engine.Matcher;
import io.contactcenter.routing.queue.QueueDirectory;
import io.contactcenter.routing.queue.QueueRow;
import io.contactcenter.routing.support.Json;
import io.contactcenter.routing.support.Signals;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import io.contactcenter.events.sql.Sql;
import io.contactcenter.events.Ids;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * The routing pass. One replica at a time runs it (transaction-scoped advisory lock), over a snapshot of
 * waiting contacts and routable agents; the {@link Matcher} decides, and the decisions commit in one
 * transaction only for rows still exactly as the snapshot saw them: the chosen contacts and agents are
 * locked ({@code SKIP LOCKED}) and their versions compared. Anything that changed meanwhile (a hang-up, a
 * state change on another replica) is left for the next pass, so no agent is ever booked beyond capacity
 * and no contact offered twice, however many replicas run.
 *
 * <p>A pass runs when woken (NOTIFY from any replica's committed change) and on a short timer for
 * time-driven changes (relaxation, aging, end of wrap-up, preferred-agent timeout).
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    /** Advisory lock naming the routing pass; one database per routing deployment. */
    private static final long PASS_LOCK = 0x0C0_A0D;

    private final Pool pool;
    private final ContactRepository contacts;
    private final AgentRepository agents;
    private final QueueDirectory queues;
    private final OfferRepository offers;
    private final Outbox outbox;
    private final EventCodec codec;
    private final Signals signals;
    private final Json json;
    private final RoutingConfig config;
    private final Clock clock;
    private final Matcher matcher = new Matcher(new SplittableRandom());
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wakeRequested = new AtomicBoolean();
    private final Counter offered;
    private final Counter conflicts;
    private final Timer passTimer;
    private volatile boolean paused;
    private volatile boolean skippedLastPass;
    private final AtomicBoolean delayed = new AtomicBoolean();
    private volatile Vertx vertx;

    public Dispatcher(Pool pool, ContactRepository contacts, AgentRepository agents, QueueDirectory queues,
            OfferRepository offers, Outbox outbox, EventCodec codec, Signals signals, Json json, RoutingConfig config, Clock clock,
            MeterRegistry registry) {
        this.pool = pool;
        this.contacts = contacts;
        this.agents = agents;
        this.queues = queues;
        this.offers = offers;
        this.outbox = outbox;
        this.codec = codec;
        this.signals = signals;
        this.json = json;
        this.config = config;
        this.clock = clock;
        this.offered = registry.counter("cc.routing.offers");
        this.conflicts = registry.counter("cc.routing.pass.conflicts");
        this.passTimer = registry.timer("cc.routing.pass");
    }

    void start(@Observes StartupEvent startup, Vertx vertx) {
        this.vertx = vertx;
        vertx.setPeriodic(config.passInterval().toMillis(), id -> wake());
    }

    /**
     * Asks for a pass soon; passes never overlap, and a wake during a pass runs one more after it. With a
     * pass delay, wakes arriving within it share one pass (fewer, larger passes).
     */
    public void wake() {
        wakeRequested.set(true);
        long delay = config.passDelay().toMillis();
        if (delay > 0 && vertx != null) {
            if (!paused && !running.get() && delayed.compareAndSet(false, true)) {
                vertx.setTimer(delay, id -> {
                    delayed.set(false);
                    runPass();
                });
            }
            return;
        }
        runPass();
    }

    private void runPass() {
        if (paused || !running.compareAndSet(false, true)) {
            return;
        }
        wakeRequested.set(false);
        Timer.Sample sample = Timer.start();
        passOnce().subscribe().with(count -> {
            sample.stop(passTimer);
            running.set(false);
            // a pass assigns everything it can; only news (or rows skipped as changed) needs another
            if (wakeRequested.get() || skippedLastPass) {
                wake();
            }
        }, e -> {
            running.set(false);
            LOG.warnf("routing pass failed, next pass retries: %s", e.toString());
        });
    }

    /** Test hook: stop routing (as if no replica held the pass) until {@link #resume()}. */
    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
        wake();
    }

    /** One pass; returns how many offers it made (0 when another replica holds the pass). */
    public Uni<Integer> passOnce() {
        skippedLastPass = false;
        return pool.withTransaction(tx -> tx.preparedQuery("select pg_try_advisory_xact_lock($1)")
                .execute(Tuple.of(PASS_LOCK))
                .chain(rows -> rows.iterator().next().getBoolean(0) ? pass(tx) : Uni.createFrom().item(0)));
    }

    /**
     * Queues with waiting contacts → their available members → the queues where one of them has room →
     * only those queues' waiting contacts. At peak, when most contacts wait on full queues, a pass stays
     * cheap instead of re-reading the whole backlog.
     */
    private Uni<Integer> pass(SqlConnection tx) {
        Instant now = Sql.now(clock);
        return queues.refresh(tx).chain(queueRows -> contacts.queuesWithWaiting(tx).chain(busy -> {
            if (busy.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            return agents.routableIn(tx, now, busy.toArray(String[]::new)).chain(available -> {
                Set<String> busySet = new HashSet<>(busy);
                Set<String> withRoom = new HashSet<>();
                Map<String, AgentRow> agentById = new HashMap<>();
                List<AgentSnapshot> snapshots = new ArrayList<>();
                for (AgentRow a : available) {
                    if (!a.hasRoom()) {
                        continue;
                    }
                    AgentSnapshot snapshot = a.snapshot();
                    agentById.put(a.id, a);
                    snapshots.add(snapshot);
                    a.profile.queues().keySet().stream().filter(busySet::contains).forEach(withRoom::add);
                }
                if (withRoom.isEmpty()) {
                    return Uni.createFrom().item(0);
                }
                return contacts.waitingForPass(tx, withRoom.toArray(String[]::new), config.maxContactsPerPass())
                        .chain(waiting -> {
                            Map<String, String> roundRobin = new HashMap<>();
                            queueRows.forEach((id, q) -> {
                                if (q.roundRobinLast() != null) {
                                    roundRobin.put(id, q.roundRobinLast());
                                }
                            });
                            Map<String, ContactRow> contactById = new HashMap<>();
                            waiting.forEach(c -> contactById.put(c.id, c));
                            List<Assignment> decided = matcher.match(waiting.stream().map(ContactRow::waiting).toList(),
                                    queues.definitions(), snapshots, roundRobin, now);
                            if (decided.isEmpty()) {
                                return Uni.createFrom().item(0);
                            }
                            return commit(tx, decided, contactById, agentById, queueRows, now);
                        });
            });
        }));
    }

    /** Locks what the decisions touch, drops decisions whose rows changed since the snapshot, writes the rest. */
    private Uni<Integer> commit(SqlConnection tx, List<Assignment> decided, Map<String, ContactRow> contactById,
            Map<String, AgentRow> agentById, Map<String, QueueRow> queueRows, Instant now) {
        String[] contactIds = decided.stream().map(a -> a.contact().id()).sorted().toArray(String[]::new);
        String[] agentIds = decided.stream().map(Assignment::agentId).distinct().sorted().toArray(String[]::new);
        return tx.preparedQuery("select id, version from routing_contact where id = any($1) and state = 'QUEUED'"
                + " order by id for update skip locked").execute(Tuple.of(contactIds))
                .chain(lockedContacts -> tx.preparedQuery("select id, version from routing_agent where id = any($1)"
                        + " order by id for update skip locked").execute(Tuple.of(agentIds))
                        .chain(lockedAgents -> {
                            Set<String> okContacts = unchanged(lockedContacts, id -> contactById.get(id).version);
                            Set<String> okAgents = unchanged(lockedAgents, id -> agentById.get(id).version);
                            List<Assignment> kept = new ArrayList<>();
                            for (Assignment a : decided) {
                                if (okContacts.contains(a.contact().id()) && okAgents.contains(a.agentId())) {
                                    kept.add(a);
                                }
                            }
                            skippedLastPass = kept.size() < decided.size();
                            if (skippedLastPass) {
                                conflicts.increment(decided.size() - kept.size());
                            }
                            return write(tx, kept, contactById, agentById, queueRows, now);
                        }));
    }

    private static Set<String> unchanged(Iterable<Row> locked, java.util.function.ToLongFunction<String> seen) {
        Set<String> ok = new HashSet<>();
        for (Row r : locked) {
            String id = r.getString("id");
            if (r.getLong("version") == seen.applyAsLong(id)) {
                ok.add(id);
            }
        }
        return ok;
    }

    private Uni<Integer> write(SqlConnection tx, List<Assignment> kept, Map<String, ContactRow> contactById,
            Map<String, AgentRow> agentById, Map<String, QueueRow> queueRows, Instant decidedAt) {
        if (kept.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return contacts.attributes(tx, kept.stream().map(a -> a.contact().id()).toArray(String[]::new))
                .chain(attributes -> {
                    kept.forEach(a -> contactById.get(a.contact().id()).attributes =
                            attributes.getOrDefault(a.contact().id(), Map.of()));
                    return writeOffers(tx, kept, contactById, agentById, queueRows);
                });
    }

    private Uni<Integer> writeOffers(SqlConnection tx, List<Assignment> kept, Map<String, ContactRow> contactById,
            Map<String, AgentRow> agentById, Map<String, QueueRow> queueRows) {
        // stamped after the snapshot was read, so an offer never appears to start before the release it used
        Instant now = Sql.now(clock);
        List<OfferRow> newOffers = new ArrayList<>();
        List<Tuple> contactUpdates = new ArrayList<>();
        List<CloudEvent> events = new ArrayList<>();
        List<String[]> notices = new ArrayList<>();
        Map<String, AgentState> before = new LinkedHashMap<>();
        Map<String, String> lastByQueue = new HashMap<>();
        for (Assignment a : kept) {
            ContactRow c = contactById.get(a.contact().id());
            AgentRow agent = agentById.get(a.agentId());
            before.putIfAbsent(agent.id, agent.state(now));
            agent.pendingOffers++;
            agent.addLoad(c.channel, 1);
            QueueRow queue = queueRows.get(c.queueId);
            Instant expires = now.plusSeconds(queue.definition().offerTimeoutSeconds());
            OfferRow offer = new OfferRow(Ids.newId(), c.id, agent.id, c.queueId, c.channel,
                    OfferStatus.PENDING, now, expires);
            newOffers.add(offer);
            contactUpdates.add(Tuple.of(c.id, agent.id));
            events.add(codec.create(EventTypes.CONTACT_OFFERED, c.id, new ContactOffered(c.id, c.queueId, agent.id,
                    offer.id(), c.channel, now, expires, c.attributes)));
            notices.add(new String[] {agent.id, offer.id()});
            lastByQueue.put(c.queueId, agent.id);
        }
        List<Tuple> agentUpdates = new ArrayList<>();
        for (var e : before.entrySet()) {
            AgentRow agent = agentById.get(e.getKey());
            agentUpdates.add(Tuple.of(agent.id, agent.pendingOffers, json.write(agent.load), agent.hasRoom()));
            AgentState after = agent.state(now);
            if (after != e.getValue()) {
                events.add(codec.create(EventTypes.AGENT_STATE_CHANGED, agent.id,
                        new AgentStateChanged(agent.id, e.getValue().name(), after.name(), null, now)));
            }
        }
        List<Tuple> rr = lastByQueue.entrySet().stream().map(e -> Tuple.of(e.getKey(), e.getValue())).toList();
        return tx.preparedQuery("update routing_contact set state = 'OFFERED', agent_id = $2, version = version + 1"
                + " where id = $1").executeBatch(contactUpdates)
                .chain(() -> tx.preparedQuery("update routing_agent set pending_offers = $2, load = $3, has_room = $4,"
                        + " version = version + 1 where id = $1").executeBatch(agentUpdates))
                .chain(() -> tx.preparedQuery("update routing_queue set rr_last_agent = $2 where id = $1").executeBatch(rr))
                .chain(() -> offers.insertAll(tx, newOffers))
                .chain(() -> outbox.addAll(tx, events))
                .chain(() -> signals.offers(tx, notices))
                .invoke(() -> offered.increment(kept.size()))
                .replaceWith(kept.size());
    }
}
