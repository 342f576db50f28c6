package io.contactcenter.events.messaging;

import io.contactcenter.events.Channel;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * {@code conversation.opened}: a conversation began, or began again after it was closed ({@code reopened}); each
 * opening is one routing contact, {@code contactId}. {@code customerId} is null for an unknown customer;
 * {@code address} is the customer's e-mail address or E.164 number on that channel.
 */
@RegisterForReflection
public record ConversationOpened(@NotBlank String conversationId, @NotBlank String contactId, @NotNull Channel channel,
        String customerId, String address, String queueId, boolean reopened, @NotNull Instant openedAt) {
}
