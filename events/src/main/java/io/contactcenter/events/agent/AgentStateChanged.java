package io.contactcenter.events.agent;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** {@code agent.state-changed}: e.g. AVAILABLE → NOT_READY with a reason code. */
@RegisterForReflection
public record AgentStateChanged(@NotBlank String agentId, String fromState, @NotBlank String toState,
        String reasonCode, @NotNull Instant changedAt) {
}
