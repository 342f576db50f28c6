package io.contactcenter.reporting.realtime;

import io.contactcenter.events.CloudEvent;
import io.contactcenter.events.EventCodec;
import io.contactcenter.events.EventTypes;
import io.contactcenter.events.contact.ContactAbandoned;
import io.contactcenter.events.contact.ContactAnswered;
import io.contactcenter.events.contact.ContactCompleted;
import io.contactcenter.events.contact.ContactQueued;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Folds contact events into {@link ContactFact}s and answers real-time queue questions. */
@ApplicationScoped
public class RealtimeService {

    private static final String QUEUE_STATS = """
            select queue_id,
                   count(*) filter (where state = 'WAITING') as waiting,
                   min(virtual_start_time) filter (where state = 'WAITING') as oldest,
                   count(*) filter (where queued_at >= $1) as offered,
                   count(*) filter (where queued_at >= $1 and state in ('ANSWERED', 'COMPLETED')) as answered,
                   count(*) filter (where queued_at >= $1 and state = 'ABANDONED') as abandoned,
                   count(*) filter (where queued_at >= $1 and state in ('ANSWERED', 'COMPLETED')
                                    and wait_seconds <= $3) as answered_within
              from rpt_contact
             where ($2 = '' or queue_id = $2)
             group by queue_id
             order by queue_id
            """;

    private final EventCodec codec;
    private final Clock clock;
    private final Pool pool;
    private final AgentRealtimeService agents;
    /** Threshold of the real-time service level (answered within it counts as in service level). */
    private final double serviceLevelSeconds;

    public RealtimeService(EventCodec codec, Clock clock, Pool pool, AgentRealtimeService agents,
            @ConfigProperty(name = "cc.reporting.service-level-seconds", defaultValue = "20") double serviceLevelSeconds) {
        this.serviceLevelSeconds = serviceLevelSeconds;
        this.codec = codec;
        this.clock = clock;
        this.pool = pool;
        this.agents = agents;
    }

    /** Applies one contact event; runs inside the consumer's inbox transaction. */
    public Uni<Void> apply(CloudEvent event) {
        return switch (event.type().substring(event.type().lastIndexOf('.') + 1)) {
            case "queued" -> queued(codec.data(event, ContactQueued.class));
            case "answered" -> {
                ContactAnswered a = codec.data(event, ContactAnswered.class);
                yield end(a.contactId(), ContactFact.ANSWERED, a.answeredAt(), a.waitSeconds())
                        .call(() -> update(a.contactId(), f -> f.agentId = a.agentId()));
            }
            case "abandoned" -> {
                ContactAbandoned a = codec.data(event, ContactAbandoned.class);
                yield end(a.contactId(), ContactFact.ABANDONED, a.abandonedAt(), a.waitSeconds());
            }
            case "completed" -> {
                ContactCompleted c = codec.data(event, ContactCompleted.class);
                yield end(c.contactId(), ContactFact.COMPLETED, c.completedAt(), null).call(() -> update(c.contactId(),
                        f -> f.handleSeconds = c.talkSeconds() + c.holdSeconds() + c.wrapUpSeconds()))
                        .call(() -> agents.handled(c.agentId(), c.completedAt()));
            }
            case "transferred" -> update(event.subject(), f -> f.transfers++);
            default -> Uni.createFrom().voidItem();
        };
    }

    private Uni<Void> queued(ContactQueued q) {
        return ContactFact.<ContactFact>findById(q.contactId()).chain(existing -> {
            ContactFact f = existing != null ? existing : new ContactFact();
            f.contactId = q.contactId();
            f.queueId = q.queueId();
            f.channel = q.channel().name();
            f.queuedAt = q.queuedAt();
            f.virtualStartTime = q.virtualStartTime();
            // a later contact.queued is the same contact entering a queue again (transfer, overflow)
            f.state = ContactFact.WAITING;
            return f.persist().replaceWithVoid();
        });
    }

    private Uni<Void> end(String contactId, String state, Instant at, Double waitSeconds) {
        return ContactFact.<ContactFact>findById(contactId).chain(f -> {
            if (f == null) {
                return Uni.createFrom().voidItem(); // never queued (e.g. contained in the IVR): nothing to close
            }
            f.state = state;
            f.endedAt = at;
            if (waitSeconds != null) {
                f.waitSeconds = waitSeconds;
            }
            return Uni.createFrom().voidItem();
        });
    }

    private Uni<Void> update(String contactId, java.util.function.Consumer<ContactFact> change) {
        return ContactFact.<ContactFact>findById(contactId).invoke(f -> {
            if (f != null) {
                change.accept(f);
            }
        }).replaceWithVoid();
    }

    /** All queues with activity, or just {@code queueId} when given. Plain SQL client: callable from any thread. */
    public Uni<List<QueueRealtime>> queues(String queueId) {
        Instant now = clock.instant();
        Instant midnight = now.truncatedTo(ChronoUnit.DAYS);
        return pool.preparedQuery(QUEUE_STATS)
                .execute(Tuple.of(midnight.atOffset(java.time.ZoneOffset.UTC), queueId == null ? "" : queueId,
                        serviceLevelSeconds))
                .map(rows -> {
                    List<QueueRealtime> out = new java.util.ArrayList<>();
                    for (var r : rows) {
                        var oldest = r.getOffsetDateTime("oldest");
                        long decided = r.getLong("answered") + r.getLong("abandoned");
                        out.add(new QueueRealtime(r.getString("queue_id"), r.getLong("waiting"),
                                oldest == null ? 0 : Duration.between(oldest.toInstant(), now).toMillis() / 1000.0,
                                r.getLong("offered"), r.getLong("answered"), r.getLong("abandoned"),
                                decided == 0 ? null : (double) r.getLong("answered_within") / decided,
                                serviceLevelSeconds));
                    }
                    return out;
                });
    }
}
