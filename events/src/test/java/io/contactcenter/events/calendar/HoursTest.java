package io.contactcenter.events.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class HoursTest {

    static final Hours BERLIN = new Hours("Europe/Berlin",
            Map.of(DayOfWeek.MONDAY, List.of(range("08:00", "18:00")),
                    DayOfWeek.FRIDAY, List.of(range("08:00", "12:00"), range("13:00", "17:00")),
                    DayOfWeek.SATURDAY, List.of(range("22:00", "02:00")),
                    DayOfWeek.SUNDAY, List.of(range("00:00", "00:00"))),
            List.of(LocalDate.parse("2026-12-25")),
            List.of(new Hours.DateException(LocalDate.parse("2026-03-30"), List.of(range("10:00", "11:00")))));

    @ParameterizedTest(name = "{0} open={1}")
    @CsvSource({
            "2026-03-23T07:00:00Z, true",   // Monday 08:00 CET
            "2026-03-23T06:59:59Z, false",  // Monday 07:59:59 CET
            "2026-03-23T17:00:00Z, false",  // Monday 18:00 CET, close is exclusive
            "2026-03-30T06:30:00Z, false",  // Monday after DST (CEST): 08:30 local, but the exception says 10-11
            "2026-03-30T08:30:00Z, true",   // 10:30 CEST inside the exception
            "2026-04-06T06:00:00Z, true",   // Monday 08:00 CEST: same wall clock after the DST change
            "2026-04-06T05:59:00Z, false",
            "2026-03-27T11:30:00Z, false",  // Friday lunch break 12:30 CET
            "2026-03-27T12:30:00Z, true",   // Friday 13:30 CET
            "2026-03-28T21:30:00Z, true",   // Saturday 22:30 CET
            "2026-03-29T00:30:00Z, true",   // Sunday (whole day)
            "2026-03-24T00:30:00Z, false",  // Tuesday: no hours
            "2026-12-25T09:00:00Z, false",  // Friday, holiday
            "2026-12-18T09:00:00Z, true"})  // Friday, ordinary
    void opensOnLocalWallClockTime(String instant, boolean open) {
        assertThat(BERLIN.isOpen(Instant.parse(instant))).isEqualTo(open);
    }

    @Test
    void overnightRangeSpillsIntoTheNextMorning() {
        Hours nights = new Hours("America/New_York", Map.of(DayOfWeek.FRIDAY, List.of(range("22:00", "02:00"))),
                null, null);
        assertThat(nights.isOpen(Instant.parse("2026-06-06T05:30:00Z"))).isTrue();   // Sat 01:30 EDT
        assertThat(nights.isOpen(Instant.parse("2026-06-06T06:30:00Z"))).isFalse();  // Sat 02:30 EDT
    }

    @Test
    void invalidZoneAndEmptyRangesAreNamed() {
        Hours bad = new Hours("Mars/Olympus", Map.of(DayOfWeek.MONDAY, List.of(range("09:00", "09:00"))), null,
                null);
        assertThat(bad.problems("hours")).containsExactly(
                "hours.zone: 'Mars/Olympus' is not an IANA time zone (e.g. Europe/Berlin)",
                "hours.weekly.MONDAY[0]: open and close are equal (09:00)");
    }

    static Hours.Range range(String open, String close) {
        return new Hours.Range(LocalTime.parse(open), LocalTime.parse(close));
    }

    @Test
    void nextOpenSkipsNightsHolidaysAndTheWindowsEnd() {
        // Friday 2026-01-09 17:30 Berlin is closed; Saturday opens at 22:00
        Instant friday = Instant.parse("2026-01-09T16:30:00Z");
        assertThat(BERLIN.nextOpen(friday, Instant.parse("2026-01-12T00:00:00Z")))
                .isEqualTo(Instant.parse("2026-01-10T21:00:00Z"));
        assertThat(BERLIN.nextOpen(friday, Instant.parse("2026-01-10T21:00:00Z"))).isNull();
        // already open: now
        Instant mondayNoon = Instant.parse("2026-01-12T11:00:00Z");
        assertThat(BERLIN.nextOpen(mondayNoon, mondayNoon.plusSeconds(60))).isEqualTo(mondayNoon);
    }

    @Test
    void nextOpenFollowsTheLocalClockAcrossDaylightSavingTime() {
        Hours weekdays = new Hours("Europe/Berlin", Map.of(DayOfWeek.MONDAY, List.of(range("08:00", "20:00")),
                DayOfWeek.SUNDAY, List.of(range("08:00", "20:00"))), List.of(), List.of());
        // Sunday 2026-03-29: clocks go from +01:00 to +02:00 at 02:00; 08:00 local is 06:00 UTC that day
        assertThat(weekdays.nextOpen(Instant.parse("2026-03-28T23:00:00Z"), Instant.parse("2026-03-30T00:00:00Z")))
                .isEqualTo(Instant.parse("2026-03-29T06:00:00Z"));
        // the same schedule on a New York clock
        assertThat(weekdays.inZone("America/New_York").nextOpen(Instant.parse("2026-03-29T06:00:00Z"),
                Instant.parse("2026-03-30T00:00:00Z"))).isEqualTo(Instant.parse("2026-03-29T12:00:00Z"));
    }
}
