package io.contactcenter.events.contact;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** {@code contact.cancelled}: a {@code routing.cancel} command took a waiting contact out of routing. */
@RegisterForReflection
public record ContactCancelled(@NotBlank String contactId, String queueId, @NotBlank String reason,
        double waitSeconds, @NotNull Instant cancelledAt) {
}
