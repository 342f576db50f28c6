package io.contactcenter.routing.offer;

import io.contactcenter.events.Channel;
import java.time.Instant;

/** One {@code routing_offer} row. */
public record OfferRow(String id, String contactId, String agentId, String queueId, Channel channel,
        OfferStatus status, Instant offeredAt, Instant expiresAt) {
}
