package io.contactcenter.crm.casework;

import io.contactcenter.crm.config.CrmConfig;
import io.contactcenter.crm.interaction.InteractionService;
import io.contactcenter.events.notify.Notification;
import io.contactcenter.events.notify.Notifier;
import io.contactcenter.crm.partner.PartnerRepository;
import io.contactcenter.crm.partner.PartnerSelector;
import io.contactcenter.events.EventTypes;
import io.contactcenter.events.crm.CaseDispatched;
import io.contactcenter.events.crm.CaseOpened;
import io.contactcenter.events.crm.CaseResolved;
import io.contactcenter.events.crm.CaseStatusChanged;
import io.contactcenter.events.outbox.Outbox;
import io.contactcenter.events.sql.Sql;
import io.contactcenter.events.Ids;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Service requests from registration to completion. Every change locks the case row, writes its audit entry and
 * its event in the same transaction; partner slots are taken and released in that transaction too, so open jobs
 * always equal the cases a partner holds.
 */
@ApplicationScoped
public class CaseService {

    private static final Logger LOG = Logger.getLogger(CaseService.class);

    /** Who acts: a partner may only move cases dispatched to it. */
    public record Actor(String name, boolean partner) {
    }

    private final Pool pool;
    private final CaseRepository cases;
    private final PartnerRepository partners;
    private final InteractionService interactions;
    private final Outbox outbox;
    private final Notifier notifier;
    private final CrmConfig config;
    private final Clock clock;

    public CaseService(Pool pool, CaseRepository cases, PartnerRepository partners, InteractionService interactions,
            Outbox outbox, Notifier notifier, CrmConfig config, Clock clock) {
        this.pool = pool;
        this.cases = cases;
        this.partners = partners;
        this.interactions = interactions;
        this.outbox = outbox;
        this.notifier = notifier;
        this.config = config;
        this.clock = clock;
    }

    public Uni<CaseView> open(CaseRequest request, Actor actor) {
        String id = Ids.newId();
        Instant now = Sql.now(clock);
        Instant due = now.plus(sla(request.priorityOrDefault()));
        List<Notification> notifications = new ArrayList<>();
        return pool.withTransaction(tx -> tx.preparedQuery("select 1 from crm_customer where id = $1 and erased_at is null")
                        .execute(Tuple.of(request.customerId()))
                        .chain(rows -> rows.size() == 0
                                ? Uni.createFrom().failure(new NotFoundException("No customer '" + request.customerId() + "'."))
                                : cases.insert(tx, id, request, due, now))
                        .chain(() -> cases.history(tx, id, CaseStatus.REGISTERED, actor.name(), null, null, null, now))
                        .chain(() -> outbox.publish(tx, EventTypes.CASE_OPENED, request.customerId(),
                                new CaseOpened(id, request.customerId(), request.contactId(), request.category().name(),
                                        request.priorityOrDefault().name(), due, now)))
                        .chain(() -> request.autoDispatch()
                                ? cases.lock(tx, id).chain(locked -> autoDispatch(tx, locked, actor, null, now))
                                        .invoke(n -> { if (n != null) notifications.add(n); }).replaceWithVoid()
                                : Uni.createFrom().voidItem()))
                .call(() -> deliver(notifications))
                .chain(() -> get(id));
    }

    /** Dispatches a REGISTERED case: to {@code partnerId} when forced, else to the best partner with capacity. */
    public Uni<CaseView> dispatch(String caseId, DispatchRequest request, Actor actor) {
        Instant now = Sql.now(clock);
        List<Notification> notifications = new ArrayList<>();
        return pool.withTransaction(tx -> lockOpen(tx, caseId).chain(locked -> {
                    if (locked.status() != CaseStatus.REGISTERED) {
                        return Uni.createFrom().failure(new ClientErrorException("Case " + caseId + " is " + locked.status()
                                + "; only a REGISTERED case can be dispatched (hand it back to REGISTERED first).", 409));
                    }
                    Uni<Notification> sent = request.partnerId() != null
                            ? forcedDispatch(tx, locked, request, actor, now)
                            : autoDispatch(tx, locked, actor, request.note(), now).onItem().ifNull().failWith(() ->
                                    new ClientErrorException("No active service partner has free capacity"
                                            + describe(locked) + "; the case stays REGISTERED.", 409));
                    return sent.invoke(notifications::add);
                }))
                .call(() -> deliver(notifications))
                .chain(() -> get(caseId));
    }

    private Uni<Notification> forcedDispatch(SqlClient tx, CaseRepository.Locked locked, DispatchRequest request, Actor actor,
            Instant now) {
        return partners.takeSlot(tx, request.partnerId(), true).chain(taken -> taken
                ? assign(tx, locked, request.partnerId(), true, actor, request.note(), now)
                : Uni.createFrom().failure(new ClientErrorException("Service partner '" + request.partnerId()
                        + "' does not exist or is not active.", 409)));
    }

    /** Tries the ranked partners in order until one slot is taken; null if nobody has room. */
    private Uni<Notification> autoDispatch(SqlClient tx, CaseRepository.Locked locked, Actor actor, String note, Instant now) {
        return partners.candidates(tx, locked.productLine(), locked.region())
                .map(all -> PartnerSelector.rank(all, locked.productLine(), locked.region()))
                .chain(ranked -> tryInOrder(tx, ranked, 0))
                .chain(partnerId -> partnerId == null ? Uni.createFrom().nullItem()
                        : assign(tx, locked, partnerId, false, actor, note, now));
    }

    private Uni<String> tryInOrder(SqlClient tx, List<PartnerSelector.Candidate> ranked, int i) {
        if (i >= ranked.size()) {
            return Uni.createFrom().nullItem();
        }
        String id = ranked.get(i).partnerId();
        return partners.takeSlot(tx, id, false).chain(taken -> taken ? Uni.createFrom().item(id) : tryInOrder(tx, ranked, i + 1));
    }

    private Uni<Notification> assign(SqlClient tx, CaseRepository.Locked locked, String partnerId, boolean forced, Actor actor,
            String note, Instant now) {
        return cases.setStatus(tx, locked.id(), CaseStatus.DISPATCHED, partnerId, null, now)
                .chain(() -> cases.history(tx, locked.id(), CaseStatus.DISPATCHED, actor.name(), partnerId,
                        forced ? "forced by supervisor" + (note == null ? "" : ": " + note) : note, null, now))
                .chain(() -> outbox.publish(tx, EventTypes.CASE_DISPATCHED, locked.customerId(),
                        new CaseDispatched(locked.id(), partnerId, forced, now)))
                .chain(() -> partners.find(tx, partnerId))
                .map(p -> new Notification("case.dispatched", Notification.Recipient.PARTNER, partnerId, locked.id(),
                        CaseStatus.DISPATCHED.name(), now, p.notifyUrl()));
    }

    /** A lifecycle step by an agent, supervisor or the partner holding the case. */
    public Uni<CaseView> changeStatus(String caseId, StatusChange change, Actor actor) {
        Instant now = Sql.now(clock);
        List<Notification> notifications = new ArrayList<>();
        return pool.withTransaction(tx -> lockOpen(tx, caseId).chain(locked -> {
                    if (actor.partner() && !actor.name().equals(locked.partnerId())) {
                        return Uni.createFrom().failure(new ForbiddenException(
                                "Case " + caseId + " is not dispatched to partner " + actor.name() + "."));
                    }
                    CaseStatus to = change.status();
                    if (!locked.status().mayChangeTo(to)) {
                        return Uni.createFrom().failure(new ClientErrorException("Case " + caseId + " cannot go from "
                                + locked.status() + " to " + to + "; allowed: " + locked.status().next()
                                + (to == CaseStatus.DISPATCHED ? " (use POST /crm/cases/{id}/dispatch)" : "") + ".", 409));
                    }
                    if (to == CaseStatus.ON_HOLD && (change.delayReason() == null || change.delayReason().isBlank())) {
                        return Uni.createFrom().failure(new BadRequestException("ON_HOLD needs a delayReason."));
                    }
                    if (to == CaseStatus.IN_PROGRESS && locked.status() == CaseStatus.RESOLVED && locked.partnerId() == null) {
                        return Uni.createFrom().failure(new ClientErrorException(
                                "Case " + caseId + " has no partner to reopen it; open a new case instead.", 409));
                    }
                    boolean withinSla = !now.isAfter(locked.slaDueAt());
                    String partner = to == CaseStatus.REGISTERED ? null : locked.partnerId();
                    Uni<Void> slot = Uni.createFrom().voidItem();
                    if (locked.partnerId() != null && locked.status().isPartnerJob() && !to.isPartnerJob()) {
                        slot = partners.releaseSlot(tx, locked.partnerId(), to == CaseStatus.RESOLVED ? withinSla : null);
                    } else if (locked.partnerId() != null && !locked.status().isPartnerJob() && to.isPartnerJob()) {
                        slot = partners.takeSlot(tx, locked.partnerId(), true).replaceWithVoid();
                    }
                    return slot
                            .chain(() -> cases.setStatus(tx, caseId, to, partner, to == CaseStatus.ON_HOLD ? change.delayReason() : null, now))
                            .chain(() -> cases.history(tx, caseId, to, actor.name(), partner, change.note(), change.delayReason(), now))
                            .chain(() -> outbox.publish(tx, EventTypes.CASE_STATUS_CHANGED, locked.customerId(),
                                    new CaseStatusChanged(caseId, to.name(), partner, change.delayReason(), now)))
                            .chain(() -> to != CaseStatus.RESOLVED ? Uni.createFrom().voidItem()
                                    : outbox.publish(tx, EventTypes.CASE_RESOLVED, locked.customerId(),
                                            new CaseResolved(caseId, locked.customerId(), partner, withinSla, now))
                                            .invoke(() -> notifications.add(new Notification("case.resolved",
                                                    Notification.Recipient.CUSTOMER, locked.customerId(), caseId,
                                                    to.name(), now, null)))
                                            .replaceWithVoid());
                }))
                .call(() -> deliver(notifications))
                .chain(() -> get(caseId));
    }

    public Uni<CaseView> get(String caseId) {
        return interactions.recordingsOfCase(pool, caseId)
                .chain(recordings -> cases.find(pool, caseId, clock.instant(), recordings));
    }

    public Uni<List<CaseView>> list(CaseSearch search) {
        return cases.list(pool, search, clock.instant());
    }

    private Uni<CaseRepository.Locked> lockOpen(SqlClient tx, String caseId) {
        return cases.lock(tx, caseId).onItem().ifNull().failWith(() -> new NotFoundException("No case '" + caseId + "'."));
    }

    /** After commit and without holding up the answer: a slow partner endpoint must not slow the agent's desktop. */
    private Uni<Void> deliver(List<Notification> notifications) {
        Multi.createFrom().iterable(notifications).onItem().transformToUniAndConcatenate(notifier::send)
                .subscribe().with(ignored -> { }, failure -> LOG.warnf("notification failed: %s", failure.getMessage()));
        return Uni.createFrom().voidItem();
    }

    private Duration sla(CasePriority priority) {
        return switch (priority) {
            case URGENT -> config.sla().urgent();
            case HIGH -> config.sla().high();
            case NORMAL -> config.sla().normal();
            case LOW -> config.sla().low();
        };
    }

    private static String describe(CaseRepository.Locked locked) {
        return (locked.productLine() == null ? "" : " for product line '" + locked.productLine() + "'")
                + (locked.region() == null ? "" : " in region '" + locked.region() + "'");
    }
}
