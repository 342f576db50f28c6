package io.contactcenter.routing.agent;

import io.contactcenter.events.Channel;
import java.time.Instant;
import java.util.Map;

/** An agent as the API returns it: profile, shown state, and the work in hand per channel. */
public record AgentView(String agentId, AgentProfile profile, AgentState state, AgentState presence,
        String reasonCode, Instant presenceSince, Instant wrapUpUntil, int pendingOffers, Map<Channel, Integer> load,
        int contactsHandled, double talkSeconds, int missedOffers) {

    static AgentView of(AgentRow a, Instant now) {
        return new AgentView(a.id, a.profile, a.state(now), a.presence, a.reasonCode, a.presenceSince,
                a.wrapUpUntil != null && a.wrapUpUntil.isAfter(now) ? a.wrapUpUntil : null, a.pendingOffers, a.load,
                a.contactsHandled, a.talkSeconds, a.missedOffers);
    }
}
