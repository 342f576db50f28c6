package io.contactcenter.reporting.realtime;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
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

/** Answers real-time queue questions from the read models ({@link ContactIngest} writes them). */
@ApplicationScoped
public class RealtimeService {

    /** Waiting contacts from the partial index of waiting rows, today's counters from one row per queue. */
    private static final String QUEUE_STATS = """
            select coalesce(w.queue_id, d.queue_id) as queue_id, coalesce(w.waiting, 0) as waiting, w.oldest,
                   coalesce(d.offered, 0) as offered, coalesce(d.answered, 0) as answered,
                   coalesce(d.abandoned, 0) as abandoned, coalesce(d.answered_within, 0) as answered_within,
                   d.last_ewt
              from (select queue_id, count(*) as waiting, min(virtual_start_time) as oldest from rpt_contact
                     where state = 'WAITING' group by queue_id) w
              full join (select * from rpt_queue_day where day = $1) d
                on d.queue_id = w.queue_id
             order by 1
            """;


    private final Clock clock;
    private final Pool pool;
    /** Threshold of the real-time service level (answered within it counts as in service level). */
    private final double serviceLevelSeconds;
    private final Timer queryTime;
    /** All queues, shared by every reader (see {@link RealtimeConfig}). */
    private final SharedSnapshot<List<QueueRealtime>> snapshot;
    /** The backlog, shared the same way: every wallboard stream reads it once a second. */
    private final SharedSnapshot<Backlog> backlog;

    public RealtimeService(Clock clock, Pool pool,
            @ConfigProperty(name = "cc.reporting.service-level-seconds", defaultValue = "20") double serviceLevelSeconds,
            RealtimeConfig config, MeterRegistry registry) {
        this.serviceLevelSeconds = serviceLevelSeconds;
        this.clock = clock;
        this.pool = pool;
        this.queryTime = Timer.builder("cc.reporting.realtime.query")
                .description("Time the database takes to compute the real-time queue snapshot")
                .publishPercentileHistogram().register(registry);
        this.snapshot = new SharedSnapshot<>(this::timedCompute, config.maxAge(), config.maxStale());
        this.backlog = new SharedSnapshot<>(this::computeBacklog, config.maxAge(), config.maxStale());
    }

    /**
     * All queues with activity today, waiting contacts or open callbacks, or just {@code queueId} when given, from the
     * shared snapshot (see {@link RealtimeConfig}). Plain SQL client: callable from any thread.
     */
    public Uni<List<QueueRealtime>> queues(String queueId) {
        return snapshot.get().map(queues -> queueId == null ? queues
                : queues.stream().filter(q -> q.queueId().equals(queueId)).toList());
    }

    private Uni<List<QueueRealtime>> timedCompute() {
        Timer.Sample sample = Timer.start();
        return compute().invoke(() -> sample.stop(queryTime));
    }

    private Uni<List<QueueRealtime>> compute() {
        Instant now = clock.instant();
        Instant midnight = now.truncatedTo(ChronoUnit.DAYS);
        return pool.preparedQuery("select queue_id, count(*) from rpt_callback where ended_at is null"
                        + " group by queue_id").execute()
                .chain(callbackRows -> {
                    java.util.Map<String, Long> callbacks = new java.util.TreeMap<>();
                    callbackRows.forEach(r -> callbacks.put(r.getString(0), r.getLong(1)));
                    return pool.preparedQuery(QUEUE_STATS)
                            .execute(Tuple.of(midnight.atOffset(java.time.ZoneOffset.UTC).toLocalDate()))
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

    /**
     * Everything still to be done: waiting contacts, open callbacks, open cases (and how many are past their SLA), from
     * a snapshot shared like the queues'.
     */
    public Uni<Backlog> backlog() {
        return backlog.get();
    }

    private Uni<Backlog> computeBacklog() {
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
