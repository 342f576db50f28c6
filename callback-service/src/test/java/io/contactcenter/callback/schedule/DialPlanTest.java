package io.contactcenter.callback.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.events.calendar.Hours;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Dialing windows, calling hours on the customer's clock, holidays, DST and backoff, with a fixed clock. */
class DialPlanTest {

    static Map<DayOfWeek, List<Hours.Range>> weekdays(String open, String close) {
        Map<DayOfWeek, List<Hours.Range>> m = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            m.put(d, List.of(new Hours.Range(LocalTime.parse(open), LocalTime.parse(close))));
        }
        return m;
    }

    static final Hours BERLIN_9_TO_18 = new Hours("Europe/Berlin", weekdays("09:00", "18:00"),
            List.of(LocalDate.parse("2026-12-24")), List.of());
    static final DialPlan PLAN = new DialPlan(BERLIN_9_TO_18, 3, Duration.ofMinutes(10), 2.0);

    @Test
    void dialsAtOnceInsideTheWindowAndTheCallingHours() {
        Instant now = Instant.parse("2026-11-24T10:00:00Z");   // Tuesday 11:00 Berlin
        assertThat(PLAN.first(now, now, now.plusSeconds(3600)).due()).isEqualTo(now);
    }

    @Test
    void waitsForTheWindowAndThenForTheCallingHours() {
        Instant now = Instant.parse("2026-11-24T10:00:00Z");
        // window opens 20:00 Berlin Tuesday, calling hours end at 18:00: Wednesday 09:00 Berlin = 08:00 UTC
        var d = PLAN.first(now, Instant.parse("2026-11-24T19:00:00Z"), Instant.parse("2026-11-26T00:00:00Z"));
        assertThat(d.due()).isEqualTo(Instant.parse("2026-11-25T08:00:00Z"));
    }

    @Test
    void neverDialsOnAHolidayOrAfterTheWindow() {
        // Thursday 2026-12-24 is a holiday: a window covering only that day has no allowed instant
        var d = PLAN.first(Instant.parse("2026-12-24T07:00:00Z"), Instant.parse("2026-12-24T07:00:00Z"),
                Instant.parse("2026-12-24T22:00:00Z"));
        assertThat(d.scheduled()).isFalse();
        assertThat(d.giveUpReason()).isEqualTo("window-closed");
    }

    @Test
    void callingHoursFollowTheCustomersClockAcrossDst() {
        DialPlan newYork = new DialPlan(BERLIN_9_TO_18.inZone("America/New_York"), 3, Duration.ofMinutes(10), 2.0);
        // Sunday 2026-03-08 New York springs forward; Monday 09:00 EDT = 13:00 UTC (the Monday before: 14:00 UTC)
        assertThat(newYork.first(Instant.parse("2026-03-07T12:00:00Z"), Instant.parse("2026-03-07T12:00:00Z"),
                Instant.parse("2026-03-10T00:00:00Z")).due()).isEqualTo(Instant.parse("2026-03-09T13:00:00Z"));
        assertThat(newYork.first(Instant.parse("2026-02-28T12:00:00Z"), Instant.parse("2026-02-28T12:00:00Z"),
                Instant.parse("2026-03-03T00:00:00Z")).due()).isEqualTo(Instant.parse("2026-03-02T14:00:00Z"));
    }

    @Test
    void retriesBackOffAndStopAfterTheLastAttempt() {
        Instant last = Instant.parse("2026-11-24T10:00:00Z");
        Instant end = last.plus(Duration.ofHours(6));
        assertThat(PLAN.retry(1, last, last, end).due()).isEqualTo(last.plus(Duration.ofMinutes(10)));
        assertThat(PLAN.retry(2, last, last, end).due()).isEqualTo(last.plus(Duration.ofMinutes(20)));
        assertThat(PLAN.retry(3, last, last, end).giveUpReason()).isEqualTo("max-attempts");
        // a retry that would land after the calling hours moves to the next morning, or gives up past the window
        Instant late = Instant.parse("2026-11-24T16:55:00Z");   // 17:55 Berlin
        assertThat(PLAN.retry(1, late, last, late.plus(Duration.ofDays(1))).due())
                .isEqualTo(Instant.parse("2026-11-25T08:00:00Z"));
        assertThat(PLAN.retry(1, late, last, late.plus(Duration.ofHours(2))).giveUpReason()).isEqualTo("window-closed");
    }

    @Test
    void abandonedCallsAreReturnedOnlyWhenEveryRuleAllows() {
        assertThat(AbandonRule.refusal(true, 45, 30, false, false, 0, 2)).isNull();
        assertThat(AbandonRule.refusal(false, 45, 30, false, false, 0, 2)).isEqualTo("policy-off");
        assertThat(AbandonRule.refusal(true, 10, 30, false, false, 0, 2)).isEqualTo("short-abandon");
        assertThat(AbandonRule.refusal(true, 45, 30, true, false, 0, 2)).isEqualTo("do-not-call");
        assertThat(AbandonRule.refusal(true, 45, 30, false, true, 0, 2)).isEqualTo("called-again");
        assertThat(AbandonRule.refusal(true, 45, 30, false, false, 2, 2)).isEqualTo("daily-cap");
    }
}
