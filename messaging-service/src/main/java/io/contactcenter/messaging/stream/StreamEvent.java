package io.contactcenter.messaging.stream;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.contactcenter.messaging.conversation.ConversationView;
import io.contactcenter.messaging.conversation.MessageView;
import io.contactcenter.messaging.conversation.StatusView;

/**
 * One element of a chat stream. {@code type}: {@code message}, {@code status} (queue position, agent, closed),
 * {@code typing} ({@code who} customer or agent, {@code on}), {@code conversation} (agents: a chat assigned to or
 * taken from them) or {@code ping} (every 15 s, so dead connections are noticed).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StreamEvent(String type, String conversationId, MessageView message, StatusView status, String who,
        Boolean on, ConversationView conversation) {

    static StreamEvent message(MessageView m) {
        return new StreamEvent("message", m.conversationId(), m, null, null, null, null);
    }

    static StreamEvent status(StatusView s) {
        return new StreamEvent("status", s.conversationId(), null, s, null, null, null);
    }

    static StreamEvent typing(String conversationId, String who, boolean on) {
        return new StreamEvent("typing", conversationId, null, null, who, on, null);
    }

    static StreamEvent conversation(ConversationView c) {
        return new StreamEvent("conversation", c.conversationId(), null, null, null, null, c);
    }

    static final StreamEvent PING = new StreamEvent("ping", null, null, null, null, null, null);
}
