package io.contactcenter.routing.agent;

import io.contactcenter.routing.config.RoutingConfig;
import io.contactcenter.routing.queue.QueueDirectory;
import io.quarkus.runtime.StartupEvent;
import io.contactcenter.routing.support.Sql;
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
    private volatile Map<String, Staffing> byQueue = Map.of();

    public StaffingView(Pool pool, AgentRepository agents, QueueDirectory queues, RoutingConfig config, Clock clock) {
        this.pool = pool;
        this.agents = agents;
        this.queues = queues;
        this.config = config;
        this.clock = clock;
    }

    void start(@Observes StartupEvent startup, Vertx vertx) {
        vertx.setPeriodic(config.staffingRefresh().toMillis(), id -> {
            if (refreshing.compareAndSet(false, true)) {
                refresh().subscribe().with(ok -> refreshing.set(false), e -> {
                    refreshing.set(false);
                    LOG.debugf("staffing refresh failed: %s", e.toString());
                });
            }
        });
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
