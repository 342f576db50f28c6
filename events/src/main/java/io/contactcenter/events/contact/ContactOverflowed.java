package io.contactcenter.events.contact;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * {@code contact.overflowed}: a queue rule moved the contact on: {@code action} is MOVE_TO_QUEUE,
 * WIDEN_SKILLS, VOICEMAIL, CALLBACK or MESSAGE_HANGUP; {@code reason} says which rule (overflow, max-wait,
 * queue-full, no-agents, closed).
 */
@RegisterForReflection
public record ContactOverflowed(@NotBlank String contactId, @NotBlank String fromQueueId, @NotBlank String action,
        String targetQueueId, String message, @NotBlank String reason, double waitSeconds,
        @NotNull Instant overflowedAt) {
}
