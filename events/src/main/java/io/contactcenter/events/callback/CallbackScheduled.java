package io.contactcenter.events.callback;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** {@code callback.scheduled}: attempt {@code attempt} will be handed to routing at {@code dueAt}. */
@RegisterForReflection
public record CallbackScheduled(@NotBlank String callbackId, @NotBlank String queueId, @NotNull Instant dueAt,
        int attempt) {
}
