package io.contactcenter.reporting.realtime;

import io.contactcenter.events.CloudEvent;
import io.contactcenter.events.EventCodec;
import io.contactcenter.events.EventTypes;
import io.contactcenter.events.contact.ContactAbandoned;
import io.contactcenter.events.contact.ContactAnswered;
import io.contactcenter.events.contact.ContactCancelled;
import io.contactcenter.events.contact.ContactCompleted;
import io.contactcenter.events.contact.ContactOverflowed;
import io.contactcenter.events.contact.ContactSurveyCompleted;
import io.contactcenter.events.contact.ContactQueued;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Folds contact events into the {@code rpt_contact} read model and answers real-time queue questions. */
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
                                    and wait_seconds <= $3) as answered_within,
                   (array_agg(estimated_wait order by queued_at desc))[1] as last_ewt
              from rpt_contact
             where ($2 = '' or queue_id = $2)
               and (state = 'WAITING' or queued_at >= $1)
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

    /** Applies one contact event on {@code tx}, the consumer's inbox transaction. */
    public Uni<Void> apply(CloudEvent event, SqlClient tx) {
        return switch (event.type().substring(event.type().lastIndexOf('.') + 1)) {
            case "queued" -> {
                ContactQueued q = codec.data(event, ContactQueued.class);
                // a later contact.queued is the same contact entering a queue again (transfer, overflow)
                yield run(tx, "insert into rpt_contact (contact_id, queue_id, channel, state, queued_at, virtual_start_time,"
                        + " estimated_wait) values ($1, $2, $3, 'WAITING', $4, $5, $6) on conflict (contact_id) do update set"
                        + " queue_id = excluded.queue_id, channel = excluded.channel, state = 'WAITING',"
                        + " queued_at = excluded.queued_at, virtual_start_time = excluded.virtual_start_time,"
                        + " estimated_wait = excluded.estimated_wait, ended_at = null, left_at = null",
                        Tuple.from(java.util.Arrays.asList(q.contactId(), q.queueId(), q.channel().name(), utc(q.queuedAt()),
                                utc(q.virtualStartTime()), q.estimatedWaitSeconds())));
            }
            case "answered" -> {
                ContactAnswered a = codec.data(event, ContactAnswered.class);
                yield run(tx, "update rpt_contact set state = 'ANSWERED', ended_at = $2, left_at = $2, wait_seconds = $3, agent_id = $4"
                        + " where contact_id = $1", Tuple.of(a.contactId(), utc(a.answeredAt()), a.waitSeconds(), a.agentId()));
            }
            case "abandoned" -> {
                ContactAbandoned a = codec.data(event, ContactAbandoned.class);
                yield run(tx, "update rpt_contact set state = 'ABANDONED', ended_at = $2, left_at = $2, wait_seconds = $3"
                        + " where contact_id = $1", Tuple.of(a.contactId(), utc(a.abandonedAt()), a.waitSeconds()));
            }
            case "completed" -> {
                ContactCompleted c = codec.data(event, ContactCompleted.class);
                yield run(tx, "update rpt_contact set state = 'COMPLETED', ended_at = $2, handle_seconds = $3"
                        + " where contact_id = $1", Tuple.of(c.contactId(), utc(c.completedAt()),
                                c.talkSeconds() + c.holdSeconds() + c.wrapUpSeconds()))
                        .call(() -> agents.handled(tx, c.agentId(), c.completedAt()));
            }
            case "transferred" -> run(tx, "update rpt_contact set transfers = transfers + 1 where contact_id = $1",
                    Tuple.of(event.subject()));
            case "overflowed" -> {
                // a move to another queue is followed by contact.queued there; until then the contact has left this one
                ContactOverflowed o = codec.data(event, ContactOverflowed.class);
                yield "WIDEN_SKILLS".equals(o.action()) ? Uni.createFrom().voidItem()
                        : run(tx, "update rpt_contact set state = 'OVERFLOWED', ended_at = $2, left_at = $2, wait_seconds = $3"
                                + " where contact_id = $1 and state = 'WAITING'",
                                Tuple.of(o.contactId(), utc(o.overflowedAt()), o.waitSeconds()));
            }
            case "cancelled" -> {
                ContactCancelled c = codec.data(event, ContactCancelled.class);
                yield run(tx, "update rpt_contact set state = 'CANCELLED', ended_at = $2, left_at = $2 where contact_id = $1"
                        + " and state = 'WAITING'", Tuple.of(c.contactId(), utc(c.cancelledAt())));
            }
            case "survey-completed" -> {
                ContactSurveyCompleted sv = codec.data(event, ContactSurveyCompleted.class);
                yield run(tx, "update rpt_contact set csat = $2 where contact_id = $1",
                        Tuple.of(sv.contactId(), (short) sv.score()));
            }
            default -> Uni.createFrom().voidItem();
        };
    }

    private static Uni<Void> run(SqlClient tx, String sql, Tuple args) {
        return tx.preparedQuery(sql).execute(args).replaceWithVoid();
    }

    private static java.time.OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(java.time.ZoneOffset.UTC);
    }

    /**
     * All queues with activity today, waiting contacts or open callbacks, or just {@code queueId} when given. Plain
     * SQL client: callable from any thread.
     */
    public Uni<List<QueueRealtime>> queues(String queueId) {
        Instant now = clock.instant();
        Instant midnight = now.truncatedTo(ChronoUnit.DAYS);
        String queue = queueId == null ? "" : queueId;
        return pool.preparedQuery("select queue_id, count(*) from rpt_callback where ended_at is null"
                        + " and ($1 = '' or queue_id = $1) group by queue_id").execute(Tuple.of(queue))
                .chain(callbackRows -> {
                    java.util.Map<String, Long> callbacks = new java.util.TreeMap<>();
                    callbackRows.forEach(r -> callbacks.put(r.getString(0), r.getLong(1)));
                    return pool.preparedQuery(QUEUE_STATS)
                            .execute(Tuple.of(midnight.atOffset(java.time.ZoneOffset.UTC), queue, serviceLevelSeconds))
                            .map(rows -> {
                                java.util.Map<String, QueueRealtime> out = new java.util.TreeMap<>();
                                for (var r : rows) {
                                    var oldest = r.getOffsetDateTime("oldest");
                                    long decided = r.getLong("answered") + r.getLong("abandoned");
                                    String id = r.getString("queue_id");
                                    out.put(id, new QueueRealtime(id, r.getLong("waiting"),
                                            oldest == null ? 0 : Duration.between(oldest.toInstant(), now).toMillis() / 1000.0,
                                            r.getLong("offered"), r.getLong("answered"), r.getLong("abandoned"),
                                            decided == 0 ? null : (double) r.getLong("answered_within") / decided,
                                            serviceLevelSeconds, r.getDouble("last_ewt"), callbacks.getOrDefault(id, 0L)));
                                }
                                callbacks.forEach((id, n) -> out.computeIfAbsent(id, k -> new QueueRealtime(k, 0, 0, 0, 0, 0,
                                        null, serviceLevelSeconds, null, n)));
                                return List.copyOf(out.values());
                            });
                });
    }

    /** Everything still to be done: waiting contacts, open callbacks, open cases (and how many are past their SLA). */
    public Uni<Backlog> backlog() {
        return pool.preparedQuery("select (select count(*) from rpt_contact where state = 'WAITING'),"
                        + " (select count(*) from rpt_callback where ended_at is null),"
                        + " (select count(*) from rpt_case where closed_at is null),"
                        + " (select count(*) from rpt_case where closed_at is null and sla_due_at < $1)")
                .execute(Tuple.of(clock.instant().atOffset(java.time.ZoneOffset.UTC)))
                .map(rows -> {
                    var r = rows.iterator().next();
                    return new Backlog(r.getLong(0), r.getLong(1), r.getLong(2), r.getLong(3));
                });
    }
}
