package io.contactcenter.events.messaging;

import io.contactcenter.events.Channel;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * {@code conversation.closed}: an opening of a conversation ended. {@code reason} is RESOLVED (the agent finished),
 * IDLE (nobody wrote for the idle timeout) or LEFT (the customer ended it). {@code firstResponseSeconds} runs from the
 * opening to the agent's first message (null: no agent wrote); {@code resolutionSeconds} from the opening to now.
 */
@RegisterForReflection
public record ConversationClosed(@NotBlank String conversationId, @NotBlank String contactId, @NotNull Channel channel,
        String customerId, String queueId, String agentId, @NotBlank String reason, Double firstResponseSeconds,
        double resolutionSeconds, @NotNull Instant closedAt) {
}
