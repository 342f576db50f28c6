package io.contactcenter.routing.queue;

import static io.contactcenter.events.sql.Sql.instant;
import static io.contactcenter.events.sql.Sql.utc;

import io.contactcenter.events.Channel;
import io.contactcenter.routing.agent.AgentRepository;
import io.contactcenter.routing.agent.Staffing;
import io.contactcenter.routing.contact.ContactService;
import io.contactcenter.routing.engine.ExitAction;
import io.contactcenter.routing.engine.OverflowRule;
import io.contactcenter.routing.engine.QueueDefinition;
import io.contactcenter.routing.engine.WaitEstimator;
import io.contactcenter.routing.support.Json;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Queue definitions and live queue status. */
@ApplicationScoped
public class QueueService {

    private final Pool pool;
    private final QueueDirectory directory;
    private final AgentRepository agents;
    private final Json json;
    private final Clock clock;

    public QueueService(Pool pool, QueueDirectory directory, AgentRepository agents, Json json, Clock clock) {
        this.pool = pool;
        this.directory = directory;
        this.agents = agents;
        this.json = json;
        this.clock = clock;
    }

    /** Creates or replaces; true when created. Cross-field problems and unknown target queues are 400s. */
    public Uni<Boolean> put(String id, QueueDefinition definition) {
        List<String> problems = new ArrayList<>(definition.problems(id));
        Set<String> targets = new HashSet<>();
        collectTargets(definition.closedAction(), targets);
        collectTargets(definition.exitAction(), targets);
        for (OverflowRule r : definition.overflow()) {
            collectTargets(r.then(), targets);
        }
        targets.remove(id);
        return pool.withTransaction(tx -> tx.preparedQuery("select id from routing_queue where id = any($1)")
                .execute(Tuple.of(targets.toArray(String[]::new))).chain(found -> {
                    Set<String> known = new HashSet<>();
                    found.forEach(r -> known.add(r.getString("id")));
                    targets.stream().filter(t -> !known.contains(t)).sorted()
                            .forEach(t -> problems.add("targetQueueId: unknown queue '" + t + "'"));
                    if (!problems.isEmpty()) {
                        return Uni.createFrom().failure(new BadRequestException(String.join("; ", problems)));
                    }
                    Instant now = Sql.now(clock);
                    return tx.preparedQuery("insert into routing_queue (id, definition, created_at, updated_at)"
                            + " values ($1, $2, $3, $3) on conflict (id) do update set definition = excluded.definition,"
                            + " definition_version = routing_queue.definition_version + 1, updated_at = excluded.updated_at"
                            + " returning (xmax = 0) as created")
                            .execute(Tuple.of(id, json.write(definition), utc(now)))
                            .map(rows -> rows.iterator().next().getBoolean("created"));
                })).call(() -> directory.refresh(pool));
    }

    private static void collectTargets(ExitAction action, Set<String> targets) {
        if (action != null && action.action() == ExitAction.Kind.MOVE_TO_QUEUE && action.targetQueueId() != null) {
            targets.add(action.targetQueueId());
        }
    }

    public Uni<QueueView> find(String id) {
        return directory.find(pool, id).map(row -> row == null ? null : QueueView.of(row));
    }

    public Uni<List<QueueView>> list() {
        return directory.refresh(pool).map(all -> all.values().stream()
                .sorted(java.util.Comparator.comparing(QueueRow::id)).map(QueueView::of).toList());
    }

    /** Deletes an idle queue; 409 while contacts wait or are handled in it. */
    public Uni<Void> delete(String id) {
        return pool.withTransaction(tx -> known(tx, id).chain(q -> tx.preparedQuery("select count(*) from"
                + " routing_contact where queue_id = $1 and state in ('QUEUED', 'OFFERED', 'CONNECTED')")
                .execute(Tuple.of(id)).chain(rows -> {
                    int live = rows.iterator().next().getInteger(0);
                    if (live > 0) {
                        return Uni.createFrom().failure(ContactService.conflict("Queue '" + id + "' has " + live
                                + " contact(s) waiting or in progress; move or finish them first."));
                    }
                    return tx.preparedQuery("delete from routing_queue where id = $1").execute(Tuple.of(id))
                            .replaceWithVoid();
                }))).call(() -> directory.refresh(pool));
    }

    public Uni<QueueStatus> status(String id) {
        Instant now = Sql.now(clock);
        return known(pool, id).chain(q -> pool.preparedQuery("select count(*) as waiting, min(queued_at) as oldest"
                + " from routing_contact where queue_id = $1 and state = 'QUEUED'").execute(Tuple.of(id))
                .chain(rows -> agents.loggedIn(pool).map(loggedIn -> {
                    var row = rows.iterator().next();
                    int waiting = row.getInteger("waiting");
                    Instant oldest = instant(row, "oldest");
                    Staffing staff = Staffing.of(loggedIn, now).getOrDefault(id, Staffing.NONE);
                    var ewt = WaitEstimator.estimateSeconds(waiting + 1, staff.staffed(), staff.freeFor(Channel.VOICE),
                            q.handleSeconds());
                    return new QueueStatus(id, q.definition().isOpen(now), waiting,
                            oldest == null ? 0 : ContactService.seconds(oldest, now), staff.byState(), staff.staffed(),
                            ewt.isPresent() ? ewt.getAsDouble() : null, q.handleSeconds());
                })));
    }

    /** Error of the entry estimates against the waits that followed, for contacts that entered since {@code from}. */
    public Uni<EstimateAccuracy> estimateAccuracy(String id, Instant from) {
        String sql = "select case when position >= 10 then '10+' else position::text end as pos,"
                + " count(*) filter (where outcome = 'ANSWERED' and estimate_seconds is not null) as answered,"
                + " avg(abs(estimate_seconds - actual_seconds)) filter (where outcome = 'ANSWERED') as mae,"
                + " percentile_cont(0.9) within group (order by abs(estimate_seconds - actual_seconds))"
                + "   filter (where outcome = 'ANSWERED') as p90,"
                + " avg(estimate_seconds - actual_seconds) filter (where outcome = 'ANSWERED') as bias,"
                + " count(*) filter (where estimate_seconds is null) as unestimated,"
                + " count(*) filter (where outcome = 'ABANDONED') as abandoned"
                + " from routing_wait_estimate where queue_id = $1 and estimated_at >= $2"
                + " group by grouping sets ((pos), ()) order by pos nulls first";
        return known(pool, id).chain(q -> pool.preparedQuery(sql).execute(Tuple.of(id, utc(from))).map(rows -> {
            int answered = 0;
            int unestimated = 0;
            int abandoned = 0;
            Double mae = null;
            Double p90 = null;
            Double bias = null;
            List<EstimateAccuracy.ByPosition> byPosition = new ArrayList<>();
            for (var r : rows) {
                if (r.getString("pos") == null) {
                    answered = r.getInteger("answered");
                    unestimated = r.getInteger("unestimated");
                    abandoned = r.getInteger("abandoned");
                    mae = r.getDouble("mae");
                    p90 = r.getDouble("p90");
                    bias = r.getDouble("bias");
                } else if (r.getInteger("answered") > 0) {
                    byPosition.add(new EstimateAccuracy.ByPosition(r.getString("pos"), r.getInteger("answered"),
                            r.getDouble("mae"), r.getDouble("p90")));
                }
            }
            byPosition.sort(java.util.Comparator.comparingInt(b -> b.position().equals("10+") ? 10
                    : Integer.parseInt(b.position())));
            return new EstimateAccuracy(id, answered, unestimated, abandoned, mae, p90, bias, byPosition);
        }));
    }

    private Uni<QueueRow> known(SqlClient db, String id) {
        return directory.find(db, id)
                .onItem().ifNull().failWith(() -> new NotFoundException("No queue with id '" + id + "'."));
    }
}
