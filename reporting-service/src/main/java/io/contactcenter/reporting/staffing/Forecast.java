package io.contactcenter.reporting.staffing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Arrivals and handle time per interval of a day, forecast as the average of the same local time slot on the
 * same weekday over the previous weeks. Slots are in local wall-clock time, so a DST day has 23 or 25 hours of
 * slots and each slot is compared with the same local time in earlier weeks.
 */
public final class Forecast {

    private Forecast() {
    }

    /** One past contact: when it entered the queue and its handle time (null while not completed). */
    public record Contact(Instant offeredAt, Double handleSeconds) {
    }

    public record Slot(Instant start, Instant end, double arrivals, Double ahtSeconds, int weeksWithData) {
    }

    /** Every slot of {@code date} in {@code zone}, with the forecast from the {@code weeks} previous weeks. */
    public static List<Slot> forDay(List<Contact> history, LocalDate date, ZoneId zone, Duration interval, int weeks) {
        List<Slot> slots = new ArrayList<>();
        ZonedDateTime start = date.atStartOfDay(zone);
        ZonedDateTime dayEnd = date.plusDays(1).atStartOfDay(zone);
        for (ZonedDateTime s = start; s.isBefore(dayEnd); s = s.plus(interval)) {
            ZonedDateTime e = s.plus(interval).isAfter(dayEnd) ? dayEnd : s.plus(interval);
            long count = 0;
            double handle = 0;
            long handled = 0;
            for (int w = 1; w <= weeks; w++) {
                // same local date-time w weeks earlier (not same instant): DST-safe
                Instant from = s.toLocalDateTime().minusWeeks(w).atZone(zone).toInstant();
                Instant to = e.toLocalDateTime().minusWeeks(w).atZone(zone).toInstant();
                for (Contact c : history) {
                    if (!c.offeredAt().isBefore(from) && c.offeredAt().isBefore(to)) {
                        count++;
                        if (c.handleSeconds() != null) {
                            handle += c.handleSeconds();
                            handled++;
                        }
                    }
                }
            }
            slots.add(new Slot(s.toInstant(), e.toInstant(), (double) count / weeks, handled == 0 ? null : handle / handled,
                    weeks));
        }
        return slots;
    }
}
