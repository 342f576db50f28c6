package io.contactcenter.routing.agent;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * {@code POST /routing/agents/{id}/state}: AVAILABLE, NOT_READY (a reason code is required) or LOGGED_OUT.
 * AVAILABLE during wrap-up ends the wrap-up early.
 */
public record StateChange(@NotNull AgentState state,
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}", message = "lower-case code such as 'break' or 'training'") String reasonCode) {
}
