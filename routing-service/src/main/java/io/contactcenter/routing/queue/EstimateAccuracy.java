package io.contactcenter.routing.queue;

import java.util.List;

/**
 * How good the wait estimates given at entry were, for contacts answered in a window: error = estimate −
 * actual wait (positive: we promised longer than it took). Contacts that entered with no staffed agent
 * (no estimate) and those that abandoned are counted apart, since their real wait is unknown or cut short.
 */
public record EstimateAccuracy(String queueId, int answered, int withoutEstimate, int abandoned,
        Double meanAbsoluteErrorSeconds, Double p90AbsoluteErrorSeconds, Double meanErrorSeconds,
        List<ByPosition> byPosition) {

    /** Positions 1–9 each, then 10 and beyond together. */
    public record ByPosition(String position, int answered, double meanAbsoluteErrorSeconds,
            double p90AbsoluteErrorSeconds) {
    }
}
