package io.contactcenter.routing.engine;

/**
 * An agent's membership in a queue. {@code penalty} gates: agents with a higher penalty only get a contact
 * when every eligible lower-penalty agent is busy (as in app_queue). {@code level} orders
 * {@link Strategy#TOP_DOWN}; {@code weight} biases {@link Strategy#WEIGHTED_RANDOM}.
 */
public record Membership(int level, int penalty, int weight) {

    public static Membership standard() {
        return new Membership(1, 0, 1);
    }
}
