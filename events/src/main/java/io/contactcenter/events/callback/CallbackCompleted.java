package io.contactcenter.events.callback;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** {@code callback.completed}: the customer was reached; {@code contactId} is the contact the callback became. */
@RegisterForReflection
public record CallbackCompleted(@NotBlank String callbackId, String contactId, @NotBlank String outcome, @NotNull Instant completedAt) {
}
