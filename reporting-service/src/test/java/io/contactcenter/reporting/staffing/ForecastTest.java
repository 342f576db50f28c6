package io.contactcenter.reporting.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForecastTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void averagesTheSameSlotOverThePreviousWeeks() {
        // Monday 2026-03-16 09:00–09:30 Berlin (08:00Z); history: 4 contacts one week before, 2 two weeks before
        List<Forecast.Contact> history = List.of(
                new Forecast.Contact(Instant.parse("2026-03-09T08:05:00Z"), 100.0),
                new Forecast.Contact(Instant.parse("2026-03-09T08:10:00Z"), 200.0),
                new Forecast.Contact(Instant.parse("2026-03-09T08:20:00Z"), null),
                new Forecast.Contact(Instant.parse("2026-03-09T08:29:59Z"), 300.0),
                new Forecast.Contact(Instant.parse("2026-03-02T08:00:00Z"), 400.0),
                new Forecast.Contact(Instant.parse("2026-03-02T08:30:00Z"), 999.0),   // next slot
                new Forecast.Contact(Instant.parse("2026-02-23T08:15:00Z"), 50.0));  // three weeks back: ignored
        var slots = Forecast.forDay(history, LocalDate.parse("2026-03-16"), BERLIN, Duration.ofMinutes(30), 2);
        assertThat(slots).hasSize(48);
        var nine = slots.get(18);
        assertThat(nine.start()).isEqualTo(Instant.parse("2026-03-16T08:00:00Z"));
        assertThat(nine.arrivals()).isCloseTo(5 / 2.0, within(1e-12));
        assertThat(nine.ahtSeconds()).isCloseTo((100 + 200 + 300 + 400) / 4.0, within(1e-12));
        assertThat(slots.get(19).arrivals()).isCloseTo(0.5, within(1e-12));
        assertThat(slots.get(0).ahtSeconds()).isNull();
    }

    @Test
    void comparesLocalTimesAcrossADaylightSavingChange() {
        // 2026-03-30 (CEST, UTC+2) vs one week earlier 2026-03-23 (CET, UTC+1): 09:00 local both times
        var history = List.of(new Forecast.Contact(Instant.parse("2026-03-23T08:10:00Z"), 120.0));
        var slots = Forecast.forDay(history, LocalDate.parse("2026-03-30"), BERLIN, Duration.ofHours(1), 1);
        assertThat(slots).hasSize(24);
        assertThat(slots.get(9).start()).isEqualTo(Instant.parse("2026-03-30T07:00:00Z"));
        assertThat(slots.get(9).arrivals()).isEqualTo(1.0);
        // the DST day itself has 23 hourly slots
        assertThat(Forecast.forDay(List.of(), LocalDate.parse("2026-03-29"), BERLIN, Duration.ofHours(1), 1)).hasSize(23);
    }
}
