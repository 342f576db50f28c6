package io.contactcenter.events.ivr;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;

/** {@code ivr.node-entered}: the call reached {@code node} (of type {@code nodeType}) of flow version {@code version}. */
@RegisterForReflection
public record IvrNodeEntered(@NotBlank String sessionId, String contactId, @NotBlank String flowId, int version,
        @NotBlank String node, String nodeType) {
}
