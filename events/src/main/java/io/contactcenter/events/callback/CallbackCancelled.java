package io.contactcenter.events.callback;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** {@code callback.cancelled}: withdrawn by the customer, an agent or because the customer called back. */
@RegisterForReflection
public record CallbackCancelled(@NotBlank String callbackId, @NotBlank String reason, @NotNull Instant cancelledAt) {
}
