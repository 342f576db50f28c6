package io.contactcenter.routing.engine;

import java.util.OptionalDouble;

/**
 * Expected wait of the contact at a position, from the agents staffing the queue and its handle-time
 * history. With every staffed agent busy, agents free up at rate {@code staffed / aht} (memoryless
 * handling), so the contact needing the k-th release waits about {@code k × aht / staffed}; contacts that
 * an idle agent can take at once wait nothing. No staffed agent means no honest estimate: empty.
 */
public final class WaitEstimator {

    private WaitEstimator() {
    }

    /**
     * @param position 1 for the next contact to be served
     * @param staffed agents logged in to the queue and not in a not-ready state
     * @param free staffed agents with spare capacity right now
     * @param ahtSeconds average handle time (talk + hold + wrap-up) of the queue
     */
    public static OptionalDouble estimateSeconds(int position, int staffed, int free, double ahtSeconds) {
        if (position < 1 || staffed <= 0 || ahtSeconds <= 0) {
            return OptionalDouble.empty();
        }
        int releasesNeeded = position - Math.max(0, free);
        if (releasesNeeded <= 0) {
            return OptionalDouble.of(0);
        }
        return OptionalDouble.of(releasesNeeded * ahtSeconds / staffed);
    }

    /** Exponentially weighted handle-time average: recent contacts count more, one outlier cannot dominate. */
    public static double nextAverage(double current, long samples, double observed) {
        if (samples <= 0) {
            return observed;
        }
        double alpha = Math.max(0.05, 1.0 / (samples + 1));
        return current + alpha * (observed - current);
    }
}
