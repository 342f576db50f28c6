package io.contactcenter.messaging.conversation;

/**
 * Where a conversation stands, as the customer sees it: waiting at {@code position} with {@code estimatedWaitSeconds}
 * (null: unknown), with an agent, or closed and why.
 */
public record StatusView(String conversationId, String status, Integer position, Double estimatedWaitSeconds,
        String agent, String closeReason) {

    public static StatusView of(ConversationRow c) {
        return new StatusView(c.id(), c.status().name(), c.position(), c.ewtSeconds(), c.agentId(), c.closeReason());
    }
}
