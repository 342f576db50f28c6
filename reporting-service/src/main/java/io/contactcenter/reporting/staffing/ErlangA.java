package io.contactcenter.reporting.staffing;

/**
 * Erlang A (Palm's M/M/N+M): callers abandon after an exponentially distributed patience. Computed exactly
 * from the birth–death chain of the number of contacts in the system (arrivals λ; departures
 * {@code min(k,N)·μ + max(k−N,0)·θ}), in log space and truncated where the tail is below 1e−16, so it is
 * stable for thousands of agents and any load (abandonment keeps the chain stable even when load ≥ agents).
 *
 * <p>A caller who finds {@code j} others waiting moves up through {@code j+1} stages; stage {@code l} (that
 * many still ahead) ends at rate {@code c_l = Nμ + (l+1)θ} (a service completion, an abandonment ahead, or its
 * own abandonment). It is served if no stage ended by its own abandonment, with probability
 * {@code Π (c_l−θ)/c_l}, and the stage durations do not depend on how each stage ended, so its wait to answer is
 * the sum of independent {@code Exp(c_l)} whatever the outcome. Service level (answered within t over all
 * arrivals: abandons count against it) uses that sum's distribution, computed by uniformization.
 */
public final class ErlangA {

    private static final double TAIL = 1e-16;

    private ErlangA() {
    }

    /** What Erlang A predicts for one staffing. */
    public record Result(double probabilityOfWaiting, double serviceLevel, double averageSpeedOfAnswerSeconds,
            double abandonmentRate, double occupancy) {
    }

    /**
     * @param arrivalsPerSecond λ
     * @param ahtSeconds 1/μ
     * @param patienceSeconds 1/θ, mean time a caller waits before hanging up
     */
    public static Result evaluate(int agents, double arrivalsPerSecond, double ahtSeconds, double patienceSeconds,
            double thresholdSeconds) {
        double lambda = arrivalsPerSecond;
        double mu = 1 / ahtSeconds;
        double theta = 1 / patienceSeconds;
        double[] pi = stationary(agents, lambda, mu, theta);
        int states = pi.length;

        double below = 0;
        for (int k = 0; k < Math.min(agents, states); k++) {
            below += pi[k];
        }
        int queueStates = Math.max(0, states - agents);
        // w[j]: arrives to find j waiting and is eventually served; mean wait of those served
        double[] served = new double[queueStates];
        double servedQueued = 0;
        double waitServed = 0;
        double survive = 1;
        double meanStages = 0;
        for (int j = 0; j < queueStates; j++) {
            double c = agents * mu + (j + 1) * theta;
            survive *= (c - theta) / c;
            meanStages += 1 / c;
            served[j] = pi[agents + j] * survive;
            servedQueued += served[j];
            waitServed += served[j] * meanStages;
        }
        double pServed = below + servedQueued;
        double withinT = below + queuedWithin(served, agents * mu, theta, thresholdSeconds);
        return new Result(1 - below, withinT, pServed == 0 ? 0 : waitServed / pServed, 1 - pServed,
                lambda * pServed * ahtSeconds / agents);
    }

    /** Stationary distribution of the number in system, normalised, truncated where negligible. */
    static double[] stationary(int agents, double lambda, double mu, double theta) {
        java.util.List<Double> logs = new java.util.ArrayList<>();
        double log = 0;
        double max = 0;
        logs.add(0.0);
        for (int k = 1; ; k++) {
            double death = Math.min(k, agents) * mu + Math.max(k - agents, 0) * theta;
            log += Math.log(lambda) - Math.log(death);
            logs.add(log);
            max = Math.max(max, log);
            if (k > agents && log - max < Math.log(TAIL) && death > lambda) {
                break;
            }
            if (k > agents + 10_000_000) {
                throw new IllegalArgumentException("Erlang A chain does not converge for these parameters");
            }
        }
        double sum = 0;
        double[] p = new double[logs.size()];
        for (int k = 0; k < p.length; k++) {
            p[k] = Math.exp(logs.get(k) - max);
            sum += p[k];
        }
        for (int k = 0; k < p.length; k++) {
            p[k] /= sum;
        }
        return p;
    }

    /**
     * Σ_j served[j] · P(Σ_{l≤j} Exp(c_l) ≤ t) by uniformization: a pure-death chain from state j down to
     * answered, steps at rate Λ = max c_l, Poisson-weighted. All terms are positive: no cancellation.
     */
    static double queuedWithin(double[] served, double nMu, double theta, double t) {
        int states = served.length;
        if (states == 0 || t <= 0) {
            return 0;
        }
        double[] rate = new double[states];
        double uniform = 0;
        for (int l = 0; l < states; l++) {
            rate[l] = nMu + (l + 1) * theta;
            uniform = Math.max(uniform, rate[l]);
        }
        double lt = uniform * t;
        int steps = (int) Math.ceil(lt + 12 * Math.sqrt(lt) + 30);
        double[] mass = served.clone();
        double done = 0;
        double result = 0;
        double logPoisson = -lt; // log P(M = 0)
        for (int m = 0; m <= steps; m++) {
            if (m > 0) {
                double[] next = new double[states];
                for (int l = 0; l < states; l++) {
                    double move = mass[l] * rate[l] / uniform;
                    next[l] += mass[l] - move;
                    if (l == 0) {
                        done += move;
                    } else {
                        next[l - 1] += move;
                    }
                }
                mass = next;
                logPoisson += Math.log(lt) - Math.log(m);
            }
            result += Math.exp(logPoisson) * done;
        }
        // the Poisson tail beyond the last step carries (at most) everything completed by then
        double covered = 0;
        double lp = -lt;
        for (int m = 0; m <= steps; m++) {
            if (m > 0) {
                lp += Math.log(lt) - Math.log(m);
            }
            covered += Math.exp(lp);
        }
        return result + (1 - covered) * done;
    }
}
