package io.contactcenter.events.contact;

import io.contactcenter.events.Channel;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.Map;

/**
 * {@code contact.queued}: routing accepted the contact into a queue. {@code virtualStartTime} is the
 * instant its place in line counts from (earlier than {@code queuedAt} for a callback that kept its place).
 */
@RegisterForReflection
public record ContactQueued(@NotBlank String contactId, @NotBlank String queueId, @NotNull Channel channel,
        int priority, @NotNull Instant queuedAt, @NotNull Instant virtualStartTime,
        Map<String, String> attributes) {
}
