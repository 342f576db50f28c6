package io.contactcenter.events.callback;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;

/** {@code callback.requested}: origin is ivr (keep my place), web/api (scheduled) or abandoned (automatic). */
@RegisterForReflection
public record CallbackRequested(@NotBlank String callbackId, String parentContactId, @NotBlank String phone,
        @NotBlank String queueId, @NotBlank String origin, Instant windowStart, Instant windowEnd) {
}
