package io.contactcenter.routing.offer;

import io.contactcenter.events.EventTypes;
import io.contactcenter.events.agent.AgentOfferMissed;
import io.contactcenter.events.contact.ContactAnswered;
import io.contactcenter.events.outbox.Outbox;
import io.contactcenter.routing.agent.AgentEvents;
import io.contactcenter.routing.agent.AgentRepository;
import io.contactcenter.routing.agent.AgentState;
import io.contactcenter.routing.config.RoutingConfig;
import io.contactcenter.routing.contact.ContactRepository;
import io.contactcenter.routing.contact.ContactRow;
import io.contactcenter.routing.contact.ContactService;
import io.contactcenter.routing.contact.ContactState;
import io.contactcenter.routing.support.Signals;
import io.contactcenter.events.sql.Sql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import static io.contactcenter.routing.contact.ContactService.seconds;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers to offers: accept connects the contact; reject and timeout put it back at its place (same
 * virtual start) and skip that agent for a while; too many misses in a row make the agent not ready.
 * Locks are always taken contact → offer → agent, as everywhere in routing, so answers cannot deadlock.
 */
@ApplicationScoped
public class OfferService {

    private final Pool pool;
    private final OfferRepository offers;
    private final ContactRepository contacts;
    private final ContactService contactService;
    private final AgentRepository agents;
    private final AgentEvents agentEvents;
    private final Outbox outbox;
    private final Signals signals;
    private final RoutingConfig config;
    private final Clock clock;

    public OfferService(Pool pool, OfferRepository offers, ContactRepository contacts, ContactService contactService,
            AgentRepository agents, AgentEvents agentEvents, Outbox outbox, Signals signals, RoutingConfig config,
            Clock clock) {
        this.pool = pool;
        this.offers = offers;
        this.contacts = contacts;
        this.contactService = contactService;
        this.agents = agents;
        this.agentEvents = agentEvents;
        this.outbox = outbox;
        this.signals = signals;
        this.config = config;
        this.clock = clock;
    }

    public Uni<OfferView> find(String offerId) {
        return offers.find(pool, offerId).chain(o -> o == null ? Uni.createFrom().nullItem()
                : contacts.find(pool, o.contactId()).map(c -> view(o, c, Sql.now(clock))));
    }

    public Uni<List<OfferView>> pending(String agentId) {
        return offers.pendingFor(pool, agentId).chain(list -> {
            if (list.isEmpty()) {
                return Uni.createFrom().item(List.<OfferView>of());
            }
            return Uni.join().all(list.stream().map(o -> contacts.find(pool, o.contactId())
                    .map(c -> view(o, c, Sql.now(clock)))).toList()).andFailFast();
        });
    }

    /** @param caller the agent id from the caller's token */
    public Uni<OfferView> accept(String offerId, String caller) {
        return answer(offerId, caller, (tx, offer, c, now) -> agents.lock(tx, offer.agentId()).chain(agent -> {
            AgentState before = agent.state(now);
            agent.pendingOffers--;
            agent.missedOffers = 0;
            c.state = ContactState.CONNECTED;
            c.answeredAt = now;
            double waited = seconds(c.virtualStartTime, now);
            return offers.setStatus(tx, offer.id(), OfferStatus.ACCEPTED, now)
                    .chain(() -> contacts.save(tx, c))
                    .chain(() -> agents.save(tx, agent))
                    .chain(() -> contactService.answered(tx, c, now))
                    .chain(() -> agentEvents.ifChanged(tx, agent, before, now))
                    .chain(() -> outbox.publish(tx, EventTypes.CONTACT_ANSWERED, c.id,
                            new ContactAnswered(c.id, c.queueId, agent.id, waited, now)))
                    .replaceWith(() -> view(new OfferRow(offer.id(), offer.contactId(), offer.agentId(),
                            offer.queueId(), offer.channel(), OfferStatus.ACCEPTED, offer.offeredAt(),
                            offer.expiresAt()), c, now));
        }));
    }

    public Uni<OfferView> reject(String offerId, String caller) {
        return answer(offerId, caller, (tx, offer, c, now) -> miss(tx, offer, c, OfferStatus.REJECTED, now));
    }

    /** The sweeper's path: an offer nobody answered in time; a no-op if it was answered meanwhile. */
    public Uni<Void> expire(String offerId) {
        return pool.withTransaction(tx -> offers.find(tx, offerId).chain(peek -> peek == null
                ? Uni.createFrom().voidItem()
                : contacts.lock(tx, peek.contactId()).chain(c -> offers.lock(tx, offerId).chain(offer -> {
                    Instant now = Sql.now(clock);
                    if (offer.status() != OfferStatus.PENDING || now.isBefore(offer.expiresAt())) {
                        return Uni.createFrom().voidItem();
                    }
                    return miss(tx, offer, c, OfferStatus.TIMED_OUT, now).replaceWithVoid();
                }))));
    }

    private Uni<OfferView> miss(SqlClient tx, OfferRow offer, ContactRow c, OfferStatus status, Instant now) {
        return agents.lock(tx, offer.agentId()).chain(agent -> {
            AgentState before = agent.state(now);
            agent.pendingOffers--;
            agent.addLoad(offer.channel(), -1);
            agent.missedOffers++;
            boolean tooMany = agent.missedOffers >= config.maxMissedOffers() && agent.presence == AgentState.AVAILABLE;
            if (tooMany) {
                agent.presence = AgentState.NOT_READY;
                agent.reasonCode = "no-answer";
                agent.presenceSince = now;
            }
            Map<String, Instant> excluded = new HashMap<>();
            c.excluded.forEach((id, until) -> {
                if (until.isAfter(now)) {
                    excluded.put(id, until);
                }
            });
            excluded.put(agent.id, now.plus(config.rejectCooldown()));
            c.excluded = excluded;
            c.state = ContactState.QUEUED;
            c.agentId = null;
            String type = status == OfferStatus.REJECTED ? EventTypes.AGENT_OFFER_REJECTED : EventTypes.AGENT_OFFER_TIMED_OUT;
            return offers.setStatus(tx, offer.id(), status, now)
                    .chain(() -> contacts.save(tx, c))
                    .chain(() -> agents.save(tx, agent))
                    .chain(() -> outbox.publish(tx, type, agent.id,
                            new AgentOfferMissed(agent.id, c.id, offer.id(), agent.missedOffers, now)))
                    .chain(() -> agentEvents.ifChanged(tx, agent, before, now))
                    .chain(() -> signals.wake(tx))
                    .replaceWith(() -> view(new OfferRow(offer.id(), offer.contactId(), offer.agentId(),
                            offer.queueId(), offer.channel(), status, offer.offeredAt(), offer.expiresAt()), c, now));
        });
    }

    @FunctionalInterface
    private interface Answer {
        Uni<OfferView> apply(SqlClient tx, OfferRow offer, ContactRow contact, Instant now);
    }

    /** Locks contact then offer, checks the offer is this agent's and still pending, then answers it. */
    private Uni<OfferView> answer(String offerId, String caller, Answer answer) {
        return pool.withTransaction(tx -> offers.find(tx, offerId)
                .onItem().ifNull().failWith(() -> new NotFoundException("No offer with id '" + offerId + "'."))
                .chain(peek -> contacts.lock(tx, peek.contactId()).chain(c -> offers.lock(tx, offerId).chain(offer -> {
                    Instant now = Sql.now(clock);
                    if (!offer.agentId().equals(caller)) {
                        return Uni.createFrom().failure(ContactService.conflict(
                                "Offer '" + offerId + "' was made to another agent."));
                    }
                    if (offer.status() != OfferStatus.PENDING) {
                        return Uni.createFrom().failure(ContactService.conflict(
                                "Offer '" + offerId + "' is " + offer.status() + " and can no longer be answered."));
                    }
                    if (!now.isBefore(offer.expiresAt())) {
                        return Uni.createFrom().failure(ContactService.conflict(
                                "Offer '" + offerId + "' expired at " + offer.expiresAt() + "."));
                    }
                    return answer.apply(tx, offer, c, now);
                }))));
    }

    static OfferView view(OfferRow o, ContactRow c, Instant now) {
        return new OfferView(o.id(), o.contactId(), o.agentId(), o.queueId(), o.channel(), o.status(), o.offeredAt(),
                o.expiresAt(), c.priority, c.attributes, c.requiredSkills, c.parentContactId,
                seconds(c.virtualStartTime, o.offeredAt()));
    }
}
