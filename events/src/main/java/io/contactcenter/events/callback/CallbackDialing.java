package io.contactcenter.events.callback;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * {@code callback.dialing}: an agent took the callback and the telephony edge is asked to dial {@code phone}
 * (E.164); attempt 1 is the first dial-out. Counted as an outbound call.
 */
@RegisterForReflection
public record CallbackDialing(@NotBlank String callbackId, @NotBlank String queueId, @NotBlank String phone,
        String agentId, int attempt, @NotNull Instant dialingAt) {
}
