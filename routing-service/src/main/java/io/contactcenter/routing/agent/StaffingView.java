package io.contactcenter.routing.agent;

import io.contactcenter.routing.config.RoutingConfig;
import io.contactcenter.routing.queue.QueueDirectory;
import io.quarkus.runtime.StartupEvent;
import io.contactcenter.events.sql.Sql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Each replica's recent view of queue staffing and definitions, refreshed on a short timer. Admission
 * decisions and wait estimates at entry read it instead of scanning every agent per contact; it is at most
 * one refresh interval old.
 */
@ApplicationScoped
public class StaffingView {

    private static final Logger LOG = Logger.getLogger(StaffingView.class);

    private final Pool pool;
    private final AgentRepository agents;
    private final QueueDirectory queues;
    private final RoutingConfig config;
    private final Clock clock;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile Map<String, Staffing> byQueue = Map.of();

    public StaffingView(Pool pool, AgentRepository agents, QueueDirectory queues, RoutingConfig config, Clock clock) {
        this.pool = pool;
        this.agents = agents;
        this.queues = queues;
        this.config = config;
        this.clock = clock;
    }

    void start(@Observes StartupEvent startup, Vertx vertx) {
        vertx.setPeriodic(config.staffingRefresh().toMillis(), id -> refreshSoon());
    }

    /**
     * Refreshes now, or right after the refresh in flight (which may have read before the caller's change
     * committed). Called on the timer and after local agent changes.
     */
    public void refreshSoon() {
        again.set(true);
        if (refreshing.compareAndSet(false, true)) {
            again.set(false);
            refresh().subscribe().with(ok -> done(), e -> {
                LOG.debugf("staffing refresh failed: %s", e.toString());
                done();
            });
        }
    }

    private void done() {
        refreshing.set(false);
        if (again.get()) {
            refreshSoon();
        }
    }

    public Uni<Void> refresh() {
        return queues.refresh(pool)
                .chain(() -> agents.loggedIn(pool))
                .invoke(list -> byQueue = Staffing.of(list, Sql.now(clock)))
                .replaceWithVoid();
    }

    public Staffing of(String queueId) {
        return byQueue.getOrDefault(queueId, Staffing.NONE);
    }
}
