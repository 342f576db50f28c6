package io.contactcenter.callback.request;

import io.contactcenter.callback.policy.ValidZone;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDateTime;

/**
 * Ask for a callback. {@code phone} is E.164, or national with {@code region}. The window is local date-times on the
 * customer's clock ({@code timeZone}, default: the queue's), e.g. tomorrow 09:00–11:00; without it the callback is
 * due at once for {@code cc.callback.default-window}. {@code queuedAt} keeps the caller's place: the callback enters
 * routing with that original queue-entry time (the IVR's "keep my place").
 */
public record CallbackRequest(
        @NotBlank @Size(max = 32) String phone,
        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 alpha-2 region like 'DE'") String region,
        @NotBlank @Size(max = 64) String queueId,
        @Pattern(regexp = "ivr|web|api", message = "must be ivr, web or api") String origin,
        @Size(max = 64) String parentContactId,
        Instant queuedAt,
        LocalDateTime windowStart,
        LocalDateTime windowEnd,
        @ValidZone String timeZone) {

    public String originOrDefault() {
        return origin == null ? "api" : origin;
    }
}
