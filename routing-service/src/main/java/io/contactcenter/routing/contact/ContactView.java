package io.contactcenter.routing.contact;

import io.contactcenter.events.Channel;
import java.time.Instant;
import java.util.Map;

/**
 * What {@code GET /routing/contacts/{id}} returns. {@code position} (1 = next) and
 * {@code estimatedWaitSeconds} are given while the contact waits; the estimate is null when no agent staffs
 * the queue. {@code outcome} says how a terminal contact ended (e.g. VOICEMAIL after overflow).
 */
public record ContactView(String contactId, String queueId, Channel channel, int priority, ContactState state,
        Instant enteredAt, Instant queuedAt, Instant virtualStartTime, Map<String, String> attributes,
        Map<String, Integer> requiredSkills, String parentContactId, String agentId, Integer position,
        Double estimatedWaitSeconds, Instant answeredAt, Instant endedAt, String outcome, String outcomeDetail) {

    static ContactView of(ContactRow c, Integer position, Double ewt) {
        return new ContactView(c.id, c.queueId, c.channel, c.priority, c.state, c.enteredAt, c.queuedAt,
                c.virtualStartTime, c.attributes, c.widened ? Map.of() : c.requiredSkills, c.parentContactId,
                c.agentId, position, ewt, c.answeredAt, c.endedAt, c.outcome, c.outcomeDetail);
    }
}
