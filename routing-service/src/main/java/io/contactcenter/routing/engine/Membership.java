package io.contactcenter.routing.engine;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * An agent's membership in a queue. {@code penalty} gates: agents with a higher penalty only get a contact
 * when every eligible lower-penalty agent is busy (as in app_queue). {@code level} orders
 * {@link Strategy#TOP_DOWN}; {@code weight} biases {@link Strategy#WEIGHTED_RANDOM}.
 */
public record Membership(@Min(1) @Max(100) int level, @Min(0) @Max(100) int penalty, @Min(1) @Max(100) int weight) {

    public static Membership standard() {
        return new Membership(1, 0, 1);
    }
}
