package io.contactcenter.events.messaging;

import io.contactcenter.events.Channel;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * {@code message.received} (the customer wrote) and {@code message.sent} (an agent wrote): one message of a
 * conversation, in full, so the CRM timeline holds the transcript. {@code author} is the agent id for a sent message,
 * the customer's name or address for a received one; {@code seq} orders the conversation's messages.
 */
@RegisterForReflection
public record ConversationMessage(@NotBlank String messageId, @NotBlank String conversationId, String contactId,
        @NotNull Channel channel, String customerId, long seq, String author, String text, int attachments,
        @NotNull Instant at) {
}
