package io.contactcenter.routing.contact;

import io.contactcenter.events.Channel;
import java.time.Instant;
import java.util.Map;

/** What {@code GET /routing/contacts/{id}} returns. */
public record ContactView(String contactId, String queueId, Channel channel, int priority, ContactState state,
        Instant queuedAt, Instant virtualStartTime, Map<String, String> attributes,
        Map<String, Integer> requiredSkills, String parentContactId) {
}
