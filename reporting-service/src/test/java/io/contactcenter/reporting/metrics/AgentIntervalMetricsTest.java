package io.contactcenter.reporting.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.contactcenter.reporting.metrics.AgentIntervalMetrics.Handled;
import io.contactcenter.reporting.metrics.AgentIntervalMetrics.Stretch;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentIntervalMetricsTest {

    static Instant t(String time) {
        return Instant.parse("2026-01-05T" + time + "Z");
    }

    @Test
    void occupancyIsEngagedOverStaffedTimeCutAtTheIntervalBounds() {
        var stretches = List.of(
                new Stretch("AVAILABLE", t("09:50:00"), t("10:10:00")),   // 10 min inside the first half hour
                new Stretch("RESERVED", t("10:10:00"), t("10:10:30")),
                new Stretch("BUSY", t("10:10:30"), t("10:25:00")),
                new Stretch("WRAP_UP", t("10:25:00"), t("10:35:00")),     // crosses into the second
                new Stretch("NOT_READY", t("10:35:00"), t("10:45:00")),
                new Stretch("AVAILABLE", t("10:45:00"), null));           // still available at "now" 10:50
        var handled = List.of(new Handled(t("10:35:00"), 600), new Handled(t("10:20:00"), 300));
        var rows = AgentIntervalMetrics.compute(stretches, handled, t("10:00:00"), t("11:00:00"), Duration.ofMinutes(30),
                t("10:50:00"));
        var first = rows.get(0);
        assertThat(first.availableSeconds()).isCloseTo(600, within(1e-9));
        assertThat(first.engagedSeconds()).isCloseTo(1200, within(1e-9));
        assertThat(first.occupancy()).isCloseTo(1200.0 / 1800, within(1e-12));
        assertThat(first.handled()).isEqualTo(1);
        assertThat(first.averageHandleSeconds()).isEqualTo(300.0);
        var second = rows.get(1);
        assertThat(second.engagedSeconds()).isCloseTo(300, within(1e-9));
        assertThat(second.notReadySeconds()).isCloseTo(600, within(1e-9));
        assertThat(second.availableSeconds()).isCloseTo(300, within(1e-9));   // up to now, not to 11:00
        assertThat(second.occupancy()).isCloseTo(0.5, within(1e-12));
        assertThat(second.handled()).isEqualTo(1);
    }

    @Test
    void noStaffedTimeMeansNoOccupancy() {
        var rows = AgentIntervalMetrics.compute(List.of(new Stretch("NOT_READY", t("10:00:00"), null)), List.of(),
                t("10:00:00"), t("10:15:00"), Duration.ofMinutes(15), t("10:15:00"));
        assertThat(rows.get(0).occupancy()).isNull();
        assertThat(rows.get(0).notReadySeconds()).isCloseTo(900, within(1e-9));
    }
}
