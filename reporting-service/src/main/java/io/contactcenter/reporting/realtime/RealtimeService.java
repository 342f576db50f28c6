package io.contactcenter.reporting.realtime;

import io.contactcenter.events.CloudEvent;
import io.contactcenter.events.EventCodec;
import io.contactcenter.events.EventTypes;
import io.contactcenter.events.contact.ContactAbandoned;
import io.contactcenter.events.contact.ContactAnswered;
import io.contactcenter.events.contact.ContactCompleted;
import io.contactcenter.events.contact.ContactQueued;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
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
                   count(*) filter (where state = 'WAITING'),
                   min(virtual_start_time) filter (where state = 'WAITING'),
                   count(*) filter (where queued_at >= ?1),
                   count(*) filter (where queued_at >= ?1 and state in ('ANSWERED', 'COMPLETED')),
                   count(*) filter (where queued_at >= ?1 and state = 'ABANDONED')
              from rpt_contact
             where (?2 = '' or queue_id = ?2)
             group by queue_id
             order by queue_id
            """;

    private final EventCodec codec;
    private final Clock clock;

    public RealtimeService(EventCodec codec, Clock clock) {
        this.codec = codec;
        this.clock = clock;
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
                        f -> f.handleSeconds = c.talkSeconds() + c.holdSeconds() + c.wrapUpSeconds()));
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

    /** All queues with activity, or just {@code queueId} when given. */
    @WithSession
    public Uni<List<QueueRealtime>> queues(String queueId) {
        Instant now = clock.instant();
        Instant midnight = now.truncatedTo(ChronoUnit.DAYS);
        return Panache.getSession().chain(s -> s.createNativeQuery(QUEUE_STATS, Object[].class)
                .setParameter(1, midnight)
                .setParameter(2, queueId == null ? "" : queueId)
                .getResultList())
                .map(rows -> rows.stream().map(r -> new QueueRealtime((String) r[0], number(r[1]),
                        r[2] == null ? 0 : Duration.between(instant(r[2]), now).toMillis() / 1000.0,
                        number(r[3]), number(r[4]), number(r[5]))).toList());
    }

    private static long number(Object o) {
        return ((Number) o).longValue();
    }

    private static Instant instant(Object o) {
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((java.sql.Timestamp) o).toInstant();
    }
}
