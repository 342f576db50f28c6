package io.contactcenter.reporting.events;

import io.contactcenter.events.outbox.Inbox;
import io.contactcenter.reporting.realtime.AgentRealtimeService;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Every {@code cc.agents} event, once, into the agent read model; one transaction per poll. */
@ApplicationScoped
public class AgentEventConsumer {

    static final String CONSUMER = "reporting.agents";

    private final Inbox inbox;
    private final Pool pool;
    private final AgentRealtimeService agents;

    public AgentEventConsumer(Inbox inbox, Pool pool, AgentRealtimeService agents) {
        this.inbox = inbox;
        this.pool = pool;
        this.agents = agents;
    }

    @Incoming("agents")
    public Uni<Void> onAgentEvents(List<String> records) {
        return inbox.consumeBatch(CONSUMER, records, pool, agents::apply).replaceWithVoid();
    }
}
