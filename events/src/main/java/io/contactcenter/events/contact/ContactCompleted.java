package io.contactcenter.events.contact;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** {@code contact.completed}: handled to the end; handle time = talk + hold + wrap-up. */
@RegisterForReflection
public record ContactCompleted(@NotBlank String contactId, String queueId, String agentId, double talkSeconds,
        double holdSeconds, double wrapUpSeconds, @NotNull Instant completedAt) {
}
