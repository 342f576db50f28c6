package io.contactcenter.messaging.conversation;

/**
 * The answer to a started chat: its id and the customer's secret for it (sent back as {@code X-Chat-Token}; only its
 * hash is stored, so it cannot be shown again).
 */
public record ChatStarted(String conversationId, String token, StatusView status) {
}
