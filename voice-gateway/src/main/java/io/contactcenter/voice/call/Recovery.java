package io.contactcenter.voice.call;

import io.contactcenter.voice.config.VoiceConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Blocking;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Calls a replica left open when it died (kill -9, a lost node) are ended where the suite keeps their state: routing
 * completes a connected contact (the agent goes to wrap-up instead of staying busy) and the IVR hears the hang-up
 * (a waiting caller is abandoned, not left in the queue). A replica ends its own previous life's calls at start, and
 * takes over those of a replica that stopped beating for {@link #DEAD_AFTER}.
 */
@ApplicationScoped
public class Recovery {

    private static final Logger LOG = Logger.getLogger(Recovery.class);
    private static final Duration WAIT = Duration.ofSeconds(10);
    static final Duration DEAD_AFTER = Duration.ofSeconds(30);

    private final Pool pool;
    private final Edge edge;
    private final VoiceConfig config;
    private final MeterRegistry registry;

    public Recovery(Pool pool, Edge edge, VoiceConfig config, MeterRegistry registry) {
        this.pool = pool;
        this.edge = edge;
        this.config = config;
        this.registry = registry;
    }

    void onStart(@Observes StartupEvent ev) {
        java.time.OffsetDateTime started = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
        Thread t = new Thread(() -> {
            try {
                beat();
                // only calls from before this start: the ones this life takes meanwhile are its own
                endOrphans("select call_id, session_id, contact_id, agent_id from voice_call where instance_id = $1"
                        + " and ended_at is null and started_at < $2", Tuple.of(config.instanceId(), started));
            } catch (RuntimeException e) {
                LOG.warnf("calls of this replica's previous life not ended yet: %s", e.getMessage());
            }
        }, "voice-recovery");
        t.setDaemon(true);
        t.start();
    }

    @Scheduled(every = "5s", delayed = "5s")
    @Blocking
    void heartbeatAndSweep() {
        beat();
        // a dead replica's open calls move to this one under a row lock, so two survivors never end a call twice
        endOrphans("update voice_call c set instance_id = $1 from voice_instance i where c.instance_id = i.instance_id"
                + " and i.instance_id <> $1 and i.seen_at < now() - make_interval(secs => $2) and c.ended_at is null"
                + " and c.call_id in (select call_id from voice_call where ended_at is null for update skip locked)"
                + " returning c.call_id, c.session_id, c.contact_id, c.agent_id",
                Tuple.of(config.instanceId(), (double) DEAD_AFTER.toSeconds()));
    }

    private void beat() {
        pool.preparedQuery("insert into voice_instance (instance_id, seen_at) values ($1, now())"
                + " on conflict (instance_id) do update set seen_at = now()").execute(Tuple.of(config.instanceId())).await().atMost(WAIT);
    }

    private void endOrphans(String sql, Tuple args) {
        var rows = pool.preparedQuery(sql).execute(args).await().atMost(WAIT);
        for (Row r : rows) {
            String callId = r.getString("call_id");
            String contactId = r.getString("contact_id");
            String agentId = r.getString("agent_id");
            String sessionId = r.getString("session_id");
            try {
                if (agentId != null && contactId != null) {
                    edge.complete(contactId).await().atMost(WAIT);
                }
                if (sessionId != null) {
                    try {
                        edge.event(sessionId, Map.of("type", "hangup")).await().atMost(WAIT);
                    } catch (RuntimeException ended) {
                        // 409: the session had ended already
                    }
                }
                pool.preparedQuery("update voice_call set state = 'lost-replica', ended_at = now() where call_id = $1")
                        .execute(Tuple.of(callId)).await().atMost(WAIT);
                registry.counter("cc_voice_calls_recovered_total").increment();
                LOG.infof("ended call %s (contact %s, agent %s) left open by a replica that died", callId, contactId, agentId);
            } catch (RuntimeException e) {
                LOG.warnf("call %s left open by a dead replica not ended yet (%s); trying again", callId, e.getMessage());
            }
        }
    }
}
