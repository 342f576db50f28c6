package io.contactcenter.messaging.conversation;

import io.contactcenter.events.Channel;
import java.time.Instant;
import java.util.List;

/** A conversation as agents and supervisors see it, with its latest messages. */
public record ConversationView(String conversationId, Channel channel, String status, String customerId,
        String name, String email, String phone, String queueId, String contactId, int openings, String agentId,
        String subject, Instant openedAt, Instant firstResponseAt, Instant lastActivityAt, Instant closedAt,
        String closeReason, List<MessageView> messages) {

    public static ConversationView of(ConversationRow c, List<MessageRow> messages) {
        return new ConversationView(c.id(), c.channel(), c.status().name(), c.customerId(), c.displayName(), c.email(),
                c.phone(), c.queueId(), c.contactId(), c.openings(), c.agentId(), c.subject(), c.openedAt(),
                c.firstResponseAt(), c.lastActivityAt(), c.closedAt(), c.closeReason(),
                messages.stream().map(MessageView::of).toList());
    }
}
