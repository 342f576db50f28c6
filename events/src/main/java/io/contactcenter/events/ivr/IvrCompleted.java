package io.contactcenter.events.ivr;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;

/** {@code ivr.completed}: outcome is contained (self-served), enqueued, transferred or abandoned at lastNode. */
@RegisterForReflection
public record IvrCompleted(@NotBlank String sessionId, String contactId, @NotBlank String flowId,
        @NotBlank String outcome, String lastNode) {
}
