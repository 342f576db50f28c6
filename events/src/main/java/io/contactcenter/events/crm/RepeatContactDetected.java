package io.contactcenter.events.crm;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** {@code customer.repeat-contact}: a customer came back about the same issue within the first-contact-resolution window, so {@code previousContactId} was not resolved at first contact. */
@RegisterForReflection
public record RepeatContactDetected(@NotBlank String customerId, @NotBlank String contactId, @NotBlank String previousContactId, @NotBlank String issue,
        @NotNull Instant previousStartedAt, @NotNull Instant startedAt) {
}
