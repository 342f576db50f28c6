package io.contactcenter.messaging.delivery;

import io.contactcenter.events.Channel;
import java.time.Instant;

/** A message waiting to leave by its channel's provider, with what deciding and sending need. */
public record Job(String messageId, String conversationId, Channel channel, String recipient, int attempts, String text,
        long seq, String agentId, Instant lastInbound, boolean optedOut) {
}
