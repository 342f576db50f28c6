package io.contactcenter.reporting.staffing;

/**
 * Erlang C (M/M/N, callers wait forever). Computed through the Erlang B recursion
 * {@code B(n) = A·B(n−1) / (n + A·B(n−1))}, which stays within [0, 1] and is stable for thousands of agents,
 * where the textbook form with {@code A^N / N!} overflows.
 */
public final class ErlangC {

    private ErlangC() {
    }

    /** Erlang B blocking probability for {@code agents} servers and {@code load} Erlangs. */
    public static double erlangB(int agents, double load) {
        double b = 1.0;
        for (int n = 1; n <= agents; n++) {
            b = load * b / (n + load * b);
        }
        return b;
    }

    /** Probability an arriving contact waits; 1 when {@code agents ≤ load} (the queue grows without bound). */
    public static double probabilityOfWaiting(int agents, double load) {
        if (agents <= load) {
            return 1.0;
        }
        double b = erlangB(agents, load);
        return agents * b / (agents - load * (1 - b));
    }

    /** Fraction answered within {@code thresholdSeconds}: {@code 1 − C·e^(−(N−A)·t/AHT)}. */
    public static double serviceLevel(int agents, double load, double ahtSeconds, double thresholdSeconds) {
        if (agents <= load) {
            return 0.0;
        }
        return 1 - probabilityOfWaiting(agents, load) * Math.exp(-(agents - load) * thresholdSeconds / ahtSeconds);
    }

    /** Average speed of answer over all contacts: {@code C·AHT/(N−A)}. */
    public static double averageSpeedOfAnswer(int agents, double load, double ahtSeconds) {
        if (agents <= load) {
            return Double.POSITIVE_INFINITY;
        }
        return probabilityOfWaiting(agents, load) * ahtSeconds / (agents - load);
    }
}
