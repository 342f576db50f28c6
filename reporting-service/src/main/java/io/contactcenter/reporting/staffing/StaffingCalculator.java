package io.contactcenter.reporting.staffing;

/**
 * Agents needed for a service-level target (or what a given staffing achieves), by Erlang C or Erlang A.
 * Service level here is answered within the threshold over all offered contacts; for Erlang A abandons count
 * as not answered in time.
 */
public final class StaffingCalculator {

    /** Staffing above this is not a contact-center question any more; it bounds the search. */
    static final int MAX_AGENTS = 100_000;

    public enum Model { ERLANG_C, ERLANG_A }

    public record Request(Model model, double arrivals, double intervalSeconds, double ahtSeconds,
            double targetServiceLevel, double thresholdSeconds, Double patienceSeconds, double shrinkage,
            Double maxOccupancy, Integer agents) {
    }

    public record Result(String model, double trafficErlangs, int agents, int scheduledAgents,
            double probabilityOfWaiting, double serviceLevel, double averageSpeedOfAnswerSeconds, double occupancy,
            Double abandonmentRate, boolean targetMet, String serviceLevelDefinition) {
    }

    private StaffingCalculator() {
    }

    public static Result calculate(Request r) {
        double lambda = r.arrivals() / r.intervalSeconds();
        double load = lambda * r.ahtSeconds();
        if (r.agents() != null) {
            return evaluate(r, load, lambda, r.agents());
        }
        int low = r.model() == Model.ERLANG_C ? (int) Math.floor(load) + 1 : 1;
        int high = Math.max(low, 1);
        while (!meets(r, evaluate(r, load, lambda, high), high, load)) {
            if (high >= MAX_AGENTS) {
                throw new IllegalArgumentException("arrivals: the target needs more than " + MAX_AGENTS + " agents");
            }
            low = high + 1;
            high = Math.min(MAX_AGENTS, high * 2);
        }
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (meets(r, evaluate(r, load, lambda, mid), mid, load)) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return evaluate(r, load, lambda, high);
    }

    private static boolean meets(Request r, Result result, int agents, double load) {
        return result.serviceLevel() >= r.targetServiceLevel()
                && (r.maxOccupancy() == null || result.occupancy() <= r.maxOccupancy());
    }

    private static Result evaluate(Request r, double load, double lambda, int agents) {
        int scheduled = (int) Math.ceil(agents / (1 - r.shrinkage()) - 1e-9);
        if (r.model() == Model.ERLANG_C) {
            if (agents <= load) {
                throw new IllegalArgumentException("agents: " + agents + " agents cannot carry " + round(load)
                        + " Erlangs in Erlang C (callers never leave, the queue grows without end); use more agents"
                        + " or model=erlang-a");
            }
            double sl = ErlangC.serviceLevel(agents, load, r.ahtSeconds(), r.thresholdSeconds());
            return new Result("erlang-c", load, agents, scheduled, ErlangC.probabilityOfWaiting(agents, load), sl,
                    ErlangC.averageSpeedOfAnswer(agents, load, r.ahtSeconds()), load / agents, null,
                    sl >= r.targetServiceLevel(), "answered within " + r.thresholdSeconds() + " s / offered");
        }
        ErlangA.Result a = ErlangA.evaluate(agents, lambda, r.ahtSeconds(), r.patienceSeconds(), r.thresholdSeconds());
        return new Result("erlang-a", load, agents, scheduled, a.probabilityOfWaiting(), a.serviceLevel(),
                a.averageSpeedOfAnswerSeconds(), a.occupancy(), a.abandonmentRate(),
                a.serviceLevel() >= r.targetServiceLevel(),
                "answered within " + r.thresholdSeconds() + " s / offered (abandons count as not answered in time)");
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
