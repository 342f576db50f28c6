package io.contactcenter.routing.agent;

import io.contactcenter.events.Channel;
import io.contactcenter.routing.engine.Membership;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * What {@code PUT /routing/agents/{id}} sets: skills with proficiency 1–5, queue memberships, and how many
 * contacts of each channel the agent handles at once (default one voice and one callback). Voice and
 * callback are exclusive: an agent on a call gets nothing else, e.g. "one voice or three chats".
 */
public record AgentProfile(
        @Size(max = 200) String name,
        @Size(max = 100) Map<@NotBlank @Size(max = 64) String, @Min(1) @Max(5) Integer> skills,
        @Size(max = 100) Map<@NotBlank @Size(max = 64) String, @Valid Membership> queues,
        Map<Channel, @Min(0) @Max(50) Integer> capacity) {

    public AgentProfile {
        skills = skills == null ? Map.of() : Map.copyOf(skills);
        queues = queues == null ? Map.of() : Map.copyOf(queues);
        capacity = capacity == null || capacity.isEmpty() ? Map.of(Channel.VOICE, 1, Channel.CALLBACK, 1)
                : Map.copyOf(capacity);
    }
}
