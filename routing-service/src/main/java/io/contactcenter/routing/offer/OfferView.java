package io.contactcenter.routing.offer;

import io.contactcenter.events.Channel;
import java.time.Instant;
import java.util.Map;

/**
 * An offer as the agent desktop receives it: the screen pop carries everything the IVR, CRM and earlier
 * agents learned, so nobody asks the caller twice.
 */
public record OfferView(String offerId, String contactId, String agentId, String queueId, Channel channel,
        OfferStatus status, Instant offeredAt, Instant expiresAt, int priority, Map<String, String> attributes,
        Map<String, Integer> requiredSkills, String parentContactId, double waitedSeconds) {
}
