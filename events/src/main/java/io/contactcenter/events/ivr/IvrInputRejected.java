package io.contactcenter.events.ivr;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;

/** {@code ivr.input-rejected}: at {@code node} the caller's input did not fit: no-input, invalid-option, length, … */
@RegisterForReflection
public record IvrInputRejected(@NotBlank String sessionId, @NotBlank String flowId, @NotBlank String node,
        @NotBlank String reason) {
}
