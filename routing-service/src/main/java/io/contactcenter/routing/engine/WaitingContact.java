package io.contactcenter.routing.engine;

import io.contactcenter.events.Channel;
import java.time.Instant;
import java.util.Map;

/**
 * A contact waiting in a queue, as the matcher sees it.
 *
 * @param virtualStart where its place in line counts from (earlier than its queue entry for a callback
 *     that kept its place)
 * @param requiredSkills skill → minimum proficiency before any relaxation
 * @param preferredAgentId offered only to this agent until {@code preferredUntil}
 * @param excludedUntil agents that rejected or missed this contact, and until when they are skipped
 */
public record WaitingContact(String id, String queueId, Channel channel, int priority, Instant virtualStart,
        Instant queuedAt, Map<String, Integer> requiredSkills, String preferredAgentId, Instant preferredUntil,
        Map<String, Instant> excludedUntil) {

    public boolean excludes(String agentId, Instant now) {
        Instant until = excludedUntil.get(agentId);
        return until != null && now.isBefore(until);
    }

    public boolean preferenceActive(Instant now) {
        return preferredAgentId != null && (preferredUntil == null || now.isBefore(preferredUntil));
    }
}
