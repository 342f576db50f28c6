package io.contactcenter.routing.agent;

import io.contactcenter.routing.contact.ContactRepository;
import io.contactcenter.routing.contact.ContactService;
import io.contactcenter.routing.contact.ContactState;
import io.contactcenter.routing.offer.OfferRepository;
import io.contactcenter.routing.offer.OfferRow;
import io.contactcenter.routing.offer.OfferStatus;
import io.contactcenter.routing.support.Signals;
import io.smallrye.mutiny.Multi;
import io.contactcenter.events.sql.Sql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Agent profiles and presence. */
@ApplicationScoped
public class AgentService {

    private final Pool pool;
    private final AgentRepository agents;
    private final OfferRepository offers;
    private final ContactRepository contacts;
    private final ContactService contactService;
    private final AgentEvents events;
    private final Signals signals;
    private final StaffingView staffing;
    private final Clock clock;

    public AgentService(Pool pool, AgentRepository agents, OfferRepository offers, ContactRepository contacts,
            ContactService contactService, AgentEvents events, Signals signals, StaffingView staffing, Clock clock) {
        this.pool = pool;
        this.agents = agents;
        this.offers = offers;
        this.contacts = contacts;
        this.contactService = contactService;
        this.events = events;
        this.signals = signals;
        this.staffing = staffing;
        this.clock = clock;
    }

    /** Creates (logged out) or updates the profile; true when created. Memberships must name known queues. */
    public Uni<Boolean> put(String id, AgentProfile profile) {
        return pool.withTransaction(tx -> tx.preparedQuery("select id from routing_queue where id = any($1)")
                .execute(Tuple.of(profile.queues().keySet().toArray(String[]::new))).chain(found -> {
                    Set<String> unknown = new TreeSet<>(profile.queues().keySet());
                    found.forEach(r -> unknown.remove(r.getString("id")));
                    if (!unknown.isEmpty()) {
                        return Uni.createFrom().failure(new BadRequestException("queues: unknown queue(s) "
                                + unknown + "; create them with PUT /routing/queues/{queueId} first"));
                    }
                    return agents.lock(tx, id).chain(existing -> existing == null
                            ? agents.insert(tx, id, profile, Sql.now(clock)).replaceWith(true)
                            : agents.updateProfile(tx, id, profile).chain(() -> signals.wake(tx)).replaceWith(false));
                }));
    }

    public Uni<AgentView> find(String id) {
        return agents.find(pool, id).map(a -> a == null ? null : AgentView.of(a, Sql.now(clock)));
    }

    public Uni<List<AgentView>> list(String queueId, int limit, int offset) {
        Instant now = Sql.now(clock);
        return agents.list(pool, queueId, limit, offset).map(all -> all.stream().map(a -> AgentView.of(a, now)).toList());
    }

    /**
     * Sets presence. Going not ready or logged out withdraws pending offers (their contacts go back to their
     * place); logging out with a contact in progress is refused.
     */
    public Uni<AgentView> changeState(String id, StateChange change) {
        if (!change.state().isPresence()) {
            return Uni.createFrom().failure(new BadRequestException(
                    "state: must be AVAILABLE, NOT_READY or LOGGED_OUT; " + change.state() + " is set by routing"));
        }
        if (change.state() == AgentState.NOT_READY && change.reasonCode() == null) {
            return Uni.createFrom().failure(new BadRequestException("reasonCode: required for NOT_READY"));
        }
        return pool.withTransaction(tx -> agents.find(tx, id)
                .onItem().ifNull().failWith(() -> new NotFoundException("No agent with id '" + id + "'."))
                .chain(peek -> change.state() == AgentState.AVAILABLE
                        ? Uni.createFrom().voidItem()
                        : withdrawPending(tx, id))
                .chain(() -> agents.lock(tx, id))
                .chain(a -> {
                    Instant now = Sql.now(clock);
                    AgentState before = a.state(now);
                    if (change.state() == AgentState.LOGGED_OUT && a.totalLoad() > a.pendingOffers) {
                        return Uni.createFrom().failure(ContactService.conflict("Agent '" + id
                                + "' has a contact in progress; complete or transfer it before logging out."));
                    }
                    if (a.presence != change.state()) {
                        a.presenceSince = now;
                        if (change.state() == AgentState.AVAILABLE) {
                            a.idleSince = now;
                        }
                    }
                    if (change.state() == AgentState.AVAILABLE) {
                        a.missedOffers = 0;
                        a.wrapUpUntil = null;
                    }
                    if (change.state() == AgentState.LOGGED_OUT) {
                        a.contactsHandled = 0;
                        a.talkSeconds = 0;
                    }
                    a.presence = change.state();
                    a.reasonCode = change.state() == AgentState.NOT_READY ? change.reasonCode() : null;
                    return agents.save(tx, a)
                            .chain(() -> events.ifChanged(tx, a, before, now))
                            .chain(() -> signals.wake(tx))
                            .replaceWith(() -> AgentView.of(a, now));
                })).invoke(() -> staffing.refreshSoon());
    }

    /** Locks each pending offer's contact before the agent (routing's lock order) and withdraws the offer. */
    private Uni<Void> withdrawPending(SqlClient tx, String agentId) {
        return offers.pendingFor(tx, agentId).chain(pending -> Multi.createFrom().iterable(pending)
                .onItem().transformToUniAndConcatenate((OfferRow o) -> contacts.lock(tx, o.contactId()).chain(c -> {
                    if (c == null || c.state != ContactState.OFFERED || !agentId.equals(c.agentId)) {
                        return Uni.createFrom().voidItem();
                    }
                    Instant now = Sql.now(clock);
                    return contactService.releaseOffer(tx, c, OfferStatus.CANCELLED, now).chain(() -> {
                        c.state = ContactState.QUEUED;
                        c.agentId = null;
                        return contacts.save(tx, c);
                    });
                }))
                .collect().last().replaceWithVoid());
    }
}
