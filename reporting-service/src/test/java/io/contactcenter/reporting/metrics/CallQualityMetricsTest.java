package io.contactcenter.reporting.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallQualityMetricsTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    private static CallQualityMetrics.Call call(int minute, Double mos, double loss, double jitter, Double agentMos, boolean oneWay) {
        return new CallQualityMetrics.Call(T0.plusSeconds(60L * minute), mos, loss, jitter, agentMos, oneWay);
    }

    @Test
    void averagesEachIntervalsCallsByTheIntervalTheyEndedIn() {
        var rows = CallQualityMetrics.compute(List.of(call(1, 4.4, 0.0, 1.0, 4.3, false), call(14, 4.0, 0.02, 5.0, null, false),
                call(20, 4.2, 0.0, 2.0, 4.4, false)), T0, T0.plus(Duration.ofMinutes(30)), Duration.ofMinutes(15));

        assertThat(rows).hasSize(2);
        var first = rows.get(0);
        assertThat(first.calls()).isEqualTo(2);
        assertThat(first.averageMos()).isCloseTo(4.2, within(1e-9));
        assertThat(first.minimumMos()).isEqualTo(4.0);
        assertThat(first.averageAgentMos()).as("only the call with a bridged phone").isCloseTo(4.3, within(1e-9));
        assertThat(first.averageLossRatio()).isCloseTo(0.01, within(1e-9));
        assertThat(first.averageJitterMillis()).isCloseTo(3.0, within(1e-9));
        assertThat(first.maximumJitterMillis()).isEqualTo(5.0);
        assertThat(rows.get(1).calls()).isEqualTo(1);
        assertThat(rows.get(1).start()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
    }

    @Test
    void aCallIsPoorWhenEitherStreamIsBelowTheThreshold() {
        var rows = CallQualityMetrics.compute(List.of(call(1, 4.4, 0, 1, 3.2, false), call(2, 3.5, 0.1, 1, 4.4, false),
                call(3, 4.4, 0, 1, 4.4, true), call(4, 4.4, 0, 1, null, false)), T0, T0.plus(Duration.ofHours(1)),
                Duration.ofHours(1));

        var row = rows.get(0);
        assertThat(row.poorCalls()).isEqualTo(2);
        assertThat(row.poorRate()).isEqualTo(0.5);
        assertThat(row.oneWayAudioCalls()).isEqualTo(1);
    }

    @Test
    void aCallThatCarriedNoMediaCountsButIsInNoAverage() {
        var row = CallQualityMetrics.compute(List.of(call(1, 3.0, 0.1, 20, null, false), call(2, null, 0, 0, null, false)), T0,
                T0.plus(Duration.ofHours(1)), Duration.ofHours(1)).get(0);

        assertThat(row.calls()).isEqualTo(2);
        assertThat(row.callsWithoutMedia()).isEqualTo(1);
        assertThat(row.averageMos()).as("not pulled up by a silent line").isEqualTo(3.0);
        assertThat(row.averageLossRatio()).isEqualTo(0.1);
        assertThat(row.averageJitterMillis()).isEqualTo(20.0);
        assertThat(row.poorCalls()).isEqualTo(1);
    }

    @Test
    void anIntervalWithoutCallsHasNoAveragesRatherThanZeros() {
        var rows = CallQualityMetrics.compute(List.of(call(-5, 4.4, 0, 1, null, false), call(60, 4.4, 0, 1, null, false)), T0,
                T0.plus(Duration.ofHours(1)), Duration.ofMinutes(30));

        assertThat(rows).allSatisfy(r -> {
            assertThat(r.calls()).isZero();
            assertThat(r.averageMos()).isNull();
            assertThat(r.poorRate()).isNull();
        });
    }
}
