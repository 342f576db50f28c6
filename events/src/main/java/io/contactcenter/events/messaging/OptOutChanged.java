package io.contactcenter.events.messaging;

import io.contactcenter.events.Channel;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * {@code conversation.opt-out-changed}: the customer at {@code address} (E.164 for SMS) sent an opt-out keyword
 * ({@code optedOut} true, e.g. STOP) or an opt-in one (false, e.g. START). Nothing more is sent to an opted-out address
 * on that channel; the CRM keeps it as the customer's consent.
 */
@RegisterForReflection
public record OptOutChanged(@NotNull Channel channel, @NotBlank String address, boolean optedOut, String keyword,
        @NotNull Instant at) {
}
