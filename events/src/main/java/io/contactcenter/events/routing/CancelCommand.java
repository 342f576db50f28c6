package io.contactcenter.events.routing;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;

/** {@code routing.cancel}: take a waiting contact out of routing (caller gone, handed to a callback...). */
@RegisterForReflection
public record CancelCommand(@NotBlank String contactId, @NotBlank String reason) {

    /** The reason the IVR gives when the caller hung up on hold: routing records it as an abandon. */
    public static final String CALLER_HUNG_UP = "caller-hung-up";
}
