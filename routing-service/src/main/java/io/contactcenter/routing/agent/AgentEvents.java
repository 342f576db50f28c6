package io.contactcenter.routing.agent;

import io.contactcenter.events.EventTypes;
import io.contactcenter.events.agent.AgentStateChanged;
import io.contactcenter.events.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Announces an agent's shown state when a change moved it, in the transaction that changed it. */
@ApplicationScoped
public class AgentEvents {

    private final Outbox outbox;

    public AgentEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> ifChanged(SqlClient tx, AgentRow agent, AgentState before, Instant now) {
        AgentState after = agent.state(now);
        if (after == before) {
            return Uni.createFrom().voidItem();
        }
        return outbox.publish(tx, EventTypes.AGENT_STATE_CHANGED, agent.id,
                new AgentStateChanged(agent.id, before.name(), after.name(),
                        after == AgentState.NOT_READY ? agent.reasonCode : null, now)).replaceWithVoid();
    }
}
