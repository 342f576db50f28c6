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
 * {@code position} and {@code estimatedWaitSeconds} are routing's estimate at entry (null: no agent staffed),
 * kept so the estimate's error against the real wait can be measured.
 */
@RegisterForReflection
public record ContactQueued(@NotBlank String contactId, @NotBlank String queueId, @NotNull Channel channel,
        int priority, @NotNull Instant queuedAt, @NotNull Instant virtualStartTime,
        Map<String, String> attributes, int position, Double estimatedWaitSeconds) {
}
