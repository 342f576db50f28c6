package io.contactcenter.events.routing;

import io.contactcenter.events.Channel;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;

/**
 * {@code routing.enqueue}: put a contact in a queue. Everything the IVR or callback service learned rides
 * in {@code attributes} so the agent sees it. {@code virtualStartTime} (optional) keeps a returned
 * callback's place; {@code parentContactId} links it to the original contact; {@code preferredAgentId}
 * (optional: last agent, account owner) gets the contact first for a while.
 */
@RegisterForReflection
public record EnqueueCommand(
        @NotBlank @Size(max = 64) String contactId,
        @NotBlank @Size(max = 64) String queueId,
        @NotNull Channel channel,
        @Min(0) @Max(100) int priority,
        Map<@NotBlank String, @Min(1) @Max(5) Integer> requiredSkills,
        Map<@NotBlank String, @Size(max = 1024) String> attributes,
        Instant virtualStartTime,
        @Size(max = 64) String parentContactId,
        @Size(max = 64) String preferredAgentId) {
}
