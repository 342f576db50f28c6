package io.contactcenter.routing.engine;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Fires {@code then} for a waiting contact after {@code afterSeconds} in the queue, or as soon as no agent
 * of the queue is logged in ({@code whenNoAgents}); either condition suffices. Rules fire in order, each
 * at most once per visit to the queue.
 */
public record OverflowRule(@Min(1) @Max(86_400) Integer afterSeconds, boolean whenNoAgents,
        @NotNull @Valid ExitAction then) {
}
