package io.contactcenter.reporting.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErlangTest {

    /**
     * Worked example from Call Centre Helper, "Erlang C Formula – Made Simple With an Easy Worked Example":
     * 100 calls in 30 minutes, AHT 180 s (10 Erlangs), target 80 % answered in 20 s, 30 % shrinkage. Its table
     * of probability of waiting and service level per agent count, and its answer of 14 agents (20 scheduled).
     */
    @ParameterizedTest(name = "{0} agents: Pw {1}, SL {2}")
    @CsvSource({"11, 0.682, 0.390", "12, 0.449, 0.640", "13, 0.285, 0.796", "14, 0.174, 0.888"})
    void erlangCMatchesThePublishedWorkedExample(int agents, double pw, double sl) {
        assertThat(ErlangC.probabilityOfWaiting(agents, 10)).isCloseTo(pw, within(0.0006));
        assertThat(ErlangC.serviceLevel(agents, 10, 180, 20)).isCloseTo(sl, within(0.0006));
    }

    @Test
    void solvesTheWorkedExampleTo14AgentsAnd20Scheduled() {
        var r = StaffingCalculator.calculate(new StaffingCalculator.Request(StaffingCalculator.Model.ERLANG_C, 100,
                1800, 180, 0.8, 20, null, 0.3, null, null));
        assertThat(r.trafficErlangs()).isCloseTo(10, within(1e-9));
        assertThat(r.agents()).isEqualTo(14);
        assertThat(r.scheduledAgents()).isEqualTo(20);
        assertThat(r.averageSpeedOfAnswerSeconds()).isCloseTo(7.8, within(0.05));
        assertThat(r.occupancy()).isCloseTo(10 / 14.0, within(1e-9));
        assertThat(r.targetMet()).isTrue();
    }

    @Test
    void singleAgentReducesToMM1() {
        // M/M/1: P(wait) = ρ, P(W > t) = ρ·e^(−(1−ρ)t/AHT) — by hand for ρ = 0.5, t = AHT
        assertThat(ErlangC.probabilityOfWaiting(1, 0.5)).isCloseTo(0.5, within(1e-12));
        assertThat(ErlangC.serviceLevel(1, 0.5, 100, 100)).isCloseTo(1 - 0.5 * Math.exp(-0.5), within(1e-12));
    }

    @Test
    void staysStableForThousandsOfAgents() {
        double pw = ErlangC.probabilityOfWaiting(5000, 4900);
        assertThat(pw).isBetween(0.0, 1.0).isNotNaN();
        var r = StaffingCalculator.calculate(new StaffingCalculator.Request(StaffingCalculator.Model.ERLANG_C,
                49_000, 1800, 180, 0.9, 20, null, 0, null, null));
        assertThat(r.agents()).isBetween(4901, 5200);
        var a = StaffingCalculator.calculate(new StaffingCalculator.Request(StaffingCalculator.Model.ERLANG_A,
                49_000, 1800, 180, 0.9, 20, 120.0, 0, null, null));
        assertThat(a.agents()).isLessThanOrEqualTo(r.agents()).isGreaterThan(4000);
        assertThat(a.abandonmentRate()).isBetween(0.0, 0.1);
    }

    @Test
    void erlangAWithEndlessPatienceIsErlangC() {
        var a = ErlangA.evaluate(14, 100 / 1800.0, 180, 1e7, 20);
        assertThat(a.probabilityOfWaiting()).isCloseTo(ErlangC.probabilityOfWaiting(14, 10), within(1e-5));
        assertThat(a.serviceLevel()).isCloseTo(ErlangC.serviceLevel(14, 10, 180, 20), within(1e-4));
        assertThat(a.averageSpeedOfAnswerSeconds()).isCloseTo(ErlangC.averageSpeedOfAnswer(14, 10, 180), within(0.02));
        assertThat(a.abandonmentRate()).isLessThan(1e-4);
    }

    @Test
    void erlangAAbandonmentAgreesWithLittlesLaw() {
        // two independent routes to the abandonment rate: the tagged caller's stages, and θ·E[queue]/λ
        int n = 48;
        double lambda = 50 / 180.0;
        double aht = 180;
        double patience = 360;
        double[] pi = ErlangA.stationary(n, lambda, 1 / aht, 1 / patience);
        double queue = 0;
        for (int k = n + 1; k < pi.length; k++) {
            queue += (k - n) * pi[k];
        }
        var a = ErlangA.evaluate(n, lambda, aht, patience, 20);
        assertThat(a.abandonmentRate()).isCloseTo(queue / patience / lambda, within(1e-9));
        // overload: Erlang C has no answer, Erlang A stays finite and sheds the excess by abandonment
        var over = ErlangA.evaluate(40, lambda, aht, patience, 20);
        assertThat(over.abandonmentRate()).isGreaterThan(1 - 40 / 50.0 - 0.01);
        assertThat(over.occupancy()).isLessThanOrEqualTo(1.0);
    }

    @Test
    void lessPatienceMeansMoreAbandonsAndShorterWaits() {
        var patient = ErlangA.evaluate(14, 100 / 1800.0, 180, 600, 20);
        var impatient = ErlangA.evaluate(14, 100 / 1800.0, 180, 60, 20);
        assertThat(impatient.abandonmentRate()).isGreaterThan(patient.abandonmentRate());
        assertThat(impatient.averageSpeedOfAnswerSeconds()).isLessThan(patient.averageSpeedOfAnswerSeconds());
    }

    @Test
    void erlangCRefusesALoadItsAgentsCannotCarry() {
        assertThatThrownBy(() -> StaffingCalculator.calculate(new StaffingCalculator.Request(
                StaffingCalculator.Model.ERLANG_C, 100, 1800, 180, 0.8, 20, null, 0, null, 10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("agents:");
    }

    @Test
    void occupancyCapAddsAgents() {
        var capped = StaffingCalculator.calculate(new StaffingCalculator.Request(StaffingCalculator.Model.ERLANG_C,
                100, 1800, 180, 0.5, 20, null, 0, 0.7, null));
        assertThat(capped.occupancy()).isLessThanOrEqualTo(0.7);
        assertThat(capped.agents()).isEqualTo(15);
    }
}
