package io.contactcenter.events.contact;

import io.contactcenter.events.Channel;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.Map;

/** {@code contact.offered}: routing reserved an agent; the offer expires unanswered at {@code expiresAt}. */
@RegisterForReflection
public record ContactOffered(@NotBlank String contactId, @NotBlank String queueId, @NotBlank String agentId,
        @NotBlank String offerId, @NotNull Channel channel, @NotNull Instant offeredAt, @NotNull Instant expiresAt,
        Map<String, String> attributes) {
}
