package io.contactcenter.events.contact;

import io.contactcenter.events.Channel;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** {@code contact.arrived}: the first ring; {@code from}/{@code to} are E.164 numbers or channel addresses. */
@RegisterForReflection
public record ContactArrived(@NotBlank String contactId, @NotNull Channel channel, String from, String to,
        @NotNull Instant arrivedAt) {
}
