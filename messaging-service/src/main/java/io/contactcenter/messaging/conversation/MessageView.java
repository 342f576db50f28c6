package io.contactcenter.messaging.conversation;

import java.time.Instant;

/**
 * A message as customers and agents see it; {@code seq} orders a conversation's messages. {@code delivery}: for SMS and
 * e-mail replies, PENDING, SENT, DELIVERED, FAILED or BLOCKED (the customer opted out).
 */
public record MessageView(String conversationId, long seq, String id, String direction, String author, String text,
        Instant at, String delivery) {

    public static MessageView of(MessageRow m) {
        return new MessageView(m.conversationId(), m.seq(), m.id(), m.direction(), m.author(), m.body(), m.createdAt(),
                m.delivery());
    }
}
