package io.contactcenter.reporting.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-computed: T = 20 s, S = 5 s, half-hour intervals from 10:00 to 11:00. */
class IntervalMetricsTest {

    static final Instant FROM = Instant.parse("2026-01-05T10:00:00Z");
    static final Instant TO = Instant.parse("2026-01-05T11:00:00Z");

    static final List<ContactRecord> DAY = List.of(
            rec("a", "10:00:00", "ANSWERED", 10.0, 300.0, 0),   // on the boundary: first interval
            rec("b", "10:10:00", "ANSWERED", 45.0, 200.0, 1),   // answered late, transferred once
            rec("c", "10:20:00", "ABANDONED", 3.0, null, 0),    // short abandon
            rec("d", "10:29:59", "ABANDONED", 60.0, null, 0),
            rec("e", "10:30:00", "ANSWERED", 5.0, null, 0),     // second interval, not completed yet
            rec("h", "10:40:00", null, null, null, 0),          // still waiting
            rec("f", "11:00:00", "ANSWERED", 1.0, 10.0, 0),     // to is exclusive
            rec("g", "09:59:59", "ANSWERED", 1.0, 10.0, 0));    // before from

    @Test
    void countsEachContactInTheIntervalItWasOffered() {
        var rows = IntervalMetrics.compute(DAY, FROM, TO, Duration.ofMinutes(30),
                ServiceLevelDefinition.ABANDONS_COUNTED, 20, 5);
        assertThat(rows).hasSize(2);
        var first = rows.get(0);
        assertThat(first.offered()).isEqualTo(4);
        assertThat(first.answered()).isEqualTo(2);
        assertThat(first.answeredWithinThreshold()).isEqualTo(1);
        assertThat(first.abandoned()).isEqualTo(2);
        assertThat(first.shortAbandoned()).isEqualTo(1);
        assertThat(first.serviceLevel()).isCloseTo(0.25, within(1e-12));
        assertThat(first.averageSpeedOfAnswerSeconds()).isCloseTo(27.5, within(1e-12));
        assertThat(first.averageHandleSeconds()).isCloseTo(250, within(1e-12));
        assertThat(first.abandonRate()).isCloseTo(0.5, within(1e-12));
        assertThat(first.transfers()).isEqualTo(1);
        var second = rows.get(1);
        assertThat(second.offered()).isEqualTo(2);
        assertThat(second.serviceLevel()).isCloseTo(0.5, within(1e-12));
        assertThat(second.averageHandleSeconds()).isNull();
        assertThat(second.abandonRate()).isZero();
    }

    @Test
    void serviceLevelDefinitionsDifferOnlyInHowAbandonsCount() {
        assertThat(IntervalMetrics.compute(DAY, FROM, TO, Duration.ofMinutes(30),
                ServiceLevelDefinition.ABANDONS_EXCLUDED, 20, 5).get(0).serviceLevel()).isCloseTo(0.5, within(1e-12));
        assertThat(IntervalMetrics.compute(DAY, FROM, TO, Duration.ofMinutes(30),
                ServiceLevelDefinition.SHORT_ABANDONS_EXCLUDED, 20, 5).get(0).serviceLevel())
                .isCloseTo(1 / 3.0, within(1e-12));
        assertThat(ServiceLevelDefinition.SHORT_ABANDONS_EXCLUDED.formula())
                .isEqualTo("answered within T / (offered − abandoned within S)");
    }

    @Test
    void emptyIntervalsAreReportedWithoutAServiceLevel() {
        var rows = IntervalMetrics.compute(List.of(), FROM, TO, Duration.ofMinutes(15),
                ServiceLevelDefinition.ABANDONS_COUNTED, 20, 5);
        assertThat(rows).hasSize(4).allSatisfy(r -> {
            assertThat(r.offered()).isZero();
            assertThat(r.serviceLevel()).isNull();
            assertThat(r.averageSpeedOfAnswerSeconds()).isNull();
        });
        assertThat(rows.get(3).end()).isEqualTo(TO);
    }

    @Test
    void everythingAbandonedShortLeavesNoServiceLevelToReport() {
        var rows = IntervalMetrics.compute(List.of(rec("x", "10:01:00", "ABANDONED", 2.0, null, 0)), FROM, TO,
                Duration.ofHours(1), ServiceLevelDefinition.SHORT_ABANDONS_EXCLUDED, 20, 5);
        assertThat(rows.get(0).serviceLevel()).isNull();
        assertThat(rows.get(0).offered()).isEqualTo(1);
    }

    static ContactRecord rec(String id, String time, String outcome, Double wait, Double handle, int transfers) {
        return new ContactRecord(id, Instant.parse("2026-01-05T" + time + "Z"), outcome, wait, handle, transfers);
    }
}
