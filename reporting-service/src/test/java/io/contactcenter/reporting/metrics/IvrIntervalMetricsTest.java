package io.contactcenter.reporting.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.reporting.metrics.IvrIntervalMetrics.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IvrIntervalMetricsTest {

    static Instant t(String time) {
        return Instant.parse("2026-01-05T" + time + "Z");
    }

    @Test
    void containmentIsSelfServedSessionsOverAllSessionsThatEnded() {
        var rows = IvrIntervalMetrics.compute(List.of(new Session(t("10:01:00"), "contained"),
                new Session(t("10:02:00"), "enqueued"), new Session(t("10:03:00"), "abandoned"),
                new Session(t("10:04:00"), "contained"), new Session(t("10:20:00"), "transferred")),
                t("10:00:00"), t("10:30:00"), Duration.ofMinutes(15));
        assertThat(rows.get(0).sessions()).isEqualTo(4);
        assertThat(rows.get(0).containment()).isEqualTo(0.5);
        assertThat(rows.get(0).abandoned()).isEqualTo(1);
        assertThat(rows.get(1).containment()).isEqualTo(0.0);
        assertThat(rows.get(1).transferred()).isEqualTo(1);
    }
}
