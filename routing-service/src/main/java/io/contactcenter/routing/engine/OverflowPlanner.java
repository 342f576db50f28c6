package io.contactcenter.routing.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Which timed rule, if any, a waiting contact has reached. Rules fire in order, each once per queue visit. */
public final class OverflowPlanner {

    private OverflowPlanner() {
    }

    /** A rule that fires now and the step the contact moves to afterwards. */
    public record Due(OverflowRule rule, int nextStep) {
    }

    /**
     * @param step how many of the queue's timed rules this contact already passed
     * @param membersLoggedIn agents of the queue not logged out
     */
    public static Optional<Due> due(QueueDefinition queue, Instant queuedAt, int step, int membersLoggedIn,
            Instant now) {
        List<OverflowRule> rules = queue.timedRules();
        long waited = Duration.between(queuedAt, now).toSeconds();
        for (int i = step; i < rules.size(); i++) {
            OverflowRule r = rules.get(i);
            boolean timeUp = r.afterSeconds() != null && waited >= r.afterSeconds();
            boolean empty = r.whenNoAgents() && membersLoggedIn == 0;
            if (timeUp || empty) {
                return Optional.of(new Due(r, i + 1));
            }
        }
        return Optional.empty();
    }
}
