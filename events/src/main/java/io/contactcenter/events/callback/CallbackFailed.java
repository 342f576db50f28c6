package io.contactcenter.events.callback;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** {@code callback.failed}: given up after {@code attempts} (no answer, busy, invalid number, window closed). */
@RegisterForReflection
public record CallbackFailed(@NotBlank String callbackId, @NotBlank String reason, int attempts, @NotNull Instant failedAt) {
}
