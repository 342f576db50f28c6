package io.contactcenter.routing.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WaitEstimatorTest {

    @Test
    void waitGrowsWithPositionAndShrinksWithStaff() {
        assertThat(WaitEstimator.estimateSeconds(1, 10, 0, 300).getAsDouble()).isCloseTo(30, within(1e-9));
        assertThat(WaitEstimator.estimateSeconds(5, 10, 0, 300).getAsDouble()).isCloseTo(150, within(1e-9));
        assertThat(WaitEstimator.estimateSeconds(5, 20, 0, 300).getAsDouble()).isCloseTo(75, within(1e-9));
    }

    @Test
    void freeAgentsServeTheFirstPositionsAtOnce() {
        assertThat(WaitEstimator.estimateSeconds(2, 10, 3, 300).getAsDouble()).isZero();
        assertThat(WaitEstimator.estimateSeconds(4, 10, 3, 300).getAsDouble()).isCloseTo(30, within(1e-9));
    }

    @Test
    void noStaffMeansNoEstimate() {
        assertThat(WaitEstimator.estimateSeconds(1, 0, 0, 300)).isEmpty();
    }

    @Test
    void handleTimeAverageFollowsRecentContacts() {
        double avg = 0;
        for (int i = 0; i < 100; i++) {
            avg = WaitEstimator.nextAverage(avg, i, 100);
        }
        assertThat(avg).isCloseTo(100, within(1e-6));
        for (int i = 0; i < 60; i++) {
            avg = WaitEstimator.nextAverage(avg, 100 + i, 200);
        }
        assertThat(avg).isGreaterThan(190);
    }

    @Test
    void overflowRulesFireInOrderOncePerVisit() {
        QueueDefinition q = new QueueDefinition(null, null, null, null, null, null, 600, null, true, null, null,
                null, List.of(new OverflowRule(60, false, new ExitAction(ExitAction.Kind.WIDEN_SKILLS, null, null)),
                        new OverflowRule(120, true, new ExitAction(ExitAction.Kind.MOVE_TO_QUEUE, "overflow", null))),
                null, null, new ExitAction(ExitAction.Kind.CALLBACK, null, null));
        Instant in = Instant.parse("2026-01-01T10:00:00Z");
        assertThat(OverflowPlanner.due(q, in, 0, 3, in.plusSeconds(59))).isEmpty();
        var first = OverflowPlanner.due(q, in, 0, 3, in.plusSeconds(61)).orElseThrow();
        assertThat(first.rule().then().action()).isEqualTo(ExitAction.Kind.WIDEN_SKILLS);
        assertThat(OverflowPlanner.due(q, in, first.nextStep(), 3, in.plusSeconds(62))).isEmpty();
        assertThat(OverflowPlanner.due(q, in, 1, 0, in.plusSeconds(62)).orElseThrow().rule().then().targetQueueId())
                .isEqualTo("overflow");
        var maxWait = OverflowPlanner.due(q, in, 2, 3, in.plusSeconds(600)).orElseThrow();
        assertThat(maxWait.rule().then().action()).isEqualTo(ExitAction.Kind.CALLBACK);
        assertThat(OverflowPlanner.due(q, in, 3, 0, in.plusSeconds(5)).orElseThrow().rule().whenNoAgents()).isTrue();
    }
}
