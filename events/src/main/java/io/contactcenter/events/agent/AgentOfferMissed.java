package io.contactcenter.events.agent;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * {@code agent.offer-rejected} or {@code agent.offer-timed-out}: the agent did not take the offer;
 * {@code missedInARow} counts toward the automatic not-ready (reason no-answer).
 */
@RegisterForReflection
public record AgentOfferMissed(@NotBlank String agentId, @NotBlank String contactId, @NotBlank String offerId,
        int missedInARow, @NotNull Instant missedAt) {
}
