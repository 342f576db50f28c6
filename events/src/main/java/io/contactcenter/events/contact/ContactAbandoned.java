package io.contactcenter.events.contact;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** {@code contact.abandoned}: the caller hung up while waiting, at this position after this wait. */
@RegisterForReflection
public record ContactAbandoned(@NotBlank String contactId, String queueId, double waitSeconds, int position,
        @NotNull Instant abandonedAt) {
}
