package io.contactcenter.reporting.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The metrics beyond the queue basics, hand-computed over two half hours from 10:00. */
class IntervalActivityMetricsTest {

    static final Instant FROM = t("10:00:00");
    static final Instant TO = t("11:00:00");

    static Instant t(String time) {
        return Instant.parse("2026-01-05T" + time + "Z");
    }

    static ContactRecord contact(String id, String at, String outcome, Double handle, String ended, Integer csat,
            boolean repeated) {
        return new ContactRecord(id, t(at), outcome, 10.0, handle, 0, t(at).plusSeconds(10), ended == null ? null : t(ended),
                csat, repeated);
    }

    @Test
    void firstContactResolutionCsatAndResolutionTime() {
        var contacts = List.of(
                contact("a", "10:05:00", "ANSWERED", 300.0, "10:15:00", 5, false),
                contact("b", "10:10:00", "ANSWERED", 200.0, "10:30:00", 2, true),   // a repeat followed
                contact("c", "10:12:00", "ANSWERED", null, "10:13:00", 4, false),   // answered, not completed yet
                contact("d", "10:40:00", "ANSWERED", 100.0, "10:50:00", null, false));
        var rows = IntervalMetrics.compute(contacts, List.of(), List.of(), FROM, TO, Duration.ofMinutes(30),
                ServiceLevelDefinition.ABANDONS_COUNTED, 20, 5);
        var first = rows.get(0);
        assertThat(first.firstContactResolution()).isCloseTo(0.5, within(1e-12));  // a of {a, b}
        assertThat(first.surveys()).isEqualTo(3);
        assertThat(first.csat()).isCloseTo(2.0 / 3, within(1e-12));                 // 5 and 4 of 5, 2, 4
        assertThat(first.averageResolutionSeconds()).isCloseTo((600 + 1200) / 2.0, within(1e-9));
        assertThat(rows.get(1).firstContactResolution()).isEqualTo(1.0);
        assertThat(rows.get(1).csat()).isNull();
    }

    @Test
    void callbacksOutboundCallsAndBacklog() {
        var callbacks = List.of(
                new CallbackRecord("k1", t("09:50:00"), "COMPLETED", t("10:10:00")),  // requested before, completed in 1st
                new CallbackRecord("k2", t("10:05:00"), "FAILED", t("10:45:00")),
                new CallbackRecord("k3", t("10:20:00"), "CANCELLED", t("10:25:00")),
                new CallbackRecord("k4", t("10:35:00"), "OPEN", null));
        var dials = List.of(t("10:09:00"), t("10:30:00"), t("10:44:00"), t("11:00:00"));
        var contacts = List.of(
                new ContactRecord("w", t("09:55:00"), null, null, null, 0, null, null, null, false),  // waiting all along
                // answered at 10:35, still talking at 11:00: it left the queue, so no longer backlog
                new ContactRecord("x", t("10:20:00"), "ANSWERED", 900.0, null, 0, t("10:35:00"), null, null, false));
        var rows = IntervalMetrics.compute(contacts, callbacks, dials, FROM, TO, Duration.ofMinutes(30),
                ServiceLevelDefinition.ABANDONS_COUNTED, 20, 5);
        var first = rows.get(0);
        var second = rows.get(1);
        assertThat(first.callbacksRequested()).isEqualTo(2);   // k2, k3 (k1 before from)
        assertThat(first.callbacksCompleted()).isEqualTo(1);
        assertThat(first.callbackSuccessRate()).isEqualTo(1.0);
        assertThat(second.callbacksRequested()).isEqualTo(1);
        assertThat(second.callbackSuccessRate()).isEqualTo(0.0);  // k2 failed; none completed
        assertThat(first.outboundCalls()).isEqualTo(1);
        assertThat(second.outboundCalls()).isEqualTo(2);         // 11:00 is outside
        // at 10:30: w and x waiting, k2 open; at 11:00: w waiting, k4 open
        assertThat(first.backlogAtEnd()).isEqualTo(3);
        assertThat(second.backlogAtEnd()).isEqualTo(2);
        assertThat(first.offered()).isEqualTo(1);                // w entered before from
    }
}
