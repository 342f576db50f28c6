package io.contactcenter.events.contact;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** {@code contact.answered}: an agent accepted the offer; {@code waitSeconds} counts from the virtual start. */
@RegisterForReflection
public record ContactAnswered(@NotBlank String contactId, @NotBlank String queueId, @NotBlank String agentId,
        double waitSeconds, @NotNull Instant answeredAt) {
}
