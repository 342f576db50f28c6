package io.contactcenter.events.contact;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** {@code contact.transferred}: an agent sent the contact, with its context, to a queue or a named agent. */
@RegisterForReflection
public record ContactTransferred(@NotBlank String contactId, @NotBlank String fromQueueId, String fromAgentId,
        @NotBlank String toQueueId, String toAgentId, @NotNull Instant transferredAt) {
}
