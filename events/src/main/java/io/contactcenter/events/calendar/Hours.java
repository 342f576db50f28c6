package io.contactcenter.events.calendar;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Hours of operation in an IANA zone: a weekly schedule, holidays (closed all day) and one-off exceptions
 * (a date with its own opening ranges; none = closed). Evaluated on local wall-clock time, so DST changes
 * move nothing. A range whose close is before its open runs past midnight; close 00:00 means midnight;
 * 00:00–00:00 is the whole day.
 */
@RegisterForReflection
public record Hours(@NotBlank String zone, Map<DayOfWeek, List<@Valid Range>> weekly, List<LocalDate> holidays,
        List<@Valid DateException> exceptions) {

    @RegisterForReflection
    public record Range(@NotNull LocalTime open, @NotNull LocalTime close) {

        boolean containsSameDay(LocalTime t) {
            boolean overnight = !close.isAfter(open);
            return overnight ? !t.isBefore(open) : !t.isBefore(open) && t.isBefore(close);
        }

        boolean containsSpillover(LocalTime t) {
            return !close.isAfter(open) && !close.equals(LocalTime.MIDNIGHT) && t.isBefore(close);
        }
    }

    @RegisterForReflection
    public record DateException(@NotNull LocalDate date, List<@Valid Range> open) {
    }

    public boolean isOpen(Instant instant) {
        ZonedDateTime local = instant.atZone(ZoneId.of(zone));
        LocalDate day = local.toLocalDate();
        LocalTime time = local.toLocalTime();
        for (Range r : rangesOn(day)) {
            if (r.containsSameDay(time)) {
                return true;
            }
        }
        for (Range r : rangesOn(day.minusDays(1))) {
            if (r.containsSpillover(time)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first instant in [{@code from}, {@code until}) at which it is open, or null if it never is in that span.
     * Openings are the starts of the day's ranges in local time; a start that falls into a DST gap moves forward
     * with the clock.
     */
    public Instant nextOpen(Instant from, Instant until) {
        if (!from.isBefore(until)) {
            return null;
        }
        if (isOpen(from)) {
            return from;
        }
        ZoneId z = ZoneId.of(zone);
        LocalDate last = until.atZone(z).toLocalDate();
        for (LocalDate d = from.atZone(z).toLocalDate(); !d.isAfter(last); d = d.plusDays(1)) {
            LocalDate day = d;
            List<Instant> opens = rangesOn(day).stream().map(r -> day.atTime(r.open()).atZone(z).toInstant()).sorted().toList();
            for (Instant open : opens) {
                if (open.isAfter(from) && open.isBefore(until) && isOpen(open)) {
                    return open;
                }
            }
        }
        return null;
    }

    /** The same schedule evaluated in another zone: e.g. legal calling hours on the callee's own clock. */
    public Hours inZone(String otherZone) {
        return new Hours(otherZone, weekly, holidays, exceptions);
    }

    private List<Range> rangesOn(LocalDate day) {
        if (exceptions != null) {
            for (DateException e : exceptions) {
                if (e.date().equals(day)) {
                    return e.open() == null ? List.of() : e.open();
                }
            }
        }
        if (holidays != null && holidays.contains(day)) {
            return List.of();
        }
        return weekly == null ? List.of() : weekly.getOrDefault(day.getDayOfWeek(), List.of());
    }

    /** Calendar problems Bean Validation cannot see; each names its field. */
    @JsonIgnore
    public List<String> problems(String path) {
        List<String> problems = new ArrayList<>();
        try {
            ZoneId.of(zone);
        } catch (DateTimeException | NullPointerException e) {
            problems.add(path + ".zone: '" + zone + "' is not an IANA time zone (e.g. Europe/Berlin)");
        }
        if (weekly != null) {
            weekly.forEach((day, ranges) -> check(path + ".weekly." + day, ranges, problems));
        }
        if (exceptions != null) {
            for (int i = 0; i < exceptions.size(); i++) {
                check(path + ".exceptions[" + i + "].open", exceptions.get(i).open(), problems);
            }
        }
        return problems;
    }

    private static void check(String path, List<Range> ranges, List<String> problems) {
        if (ranges == null) {
            return;
        }
        for (int i = 0; i < ranges.size(); i++) {
            Range r = ranges.get(i);
            if (r != null && r.open() != null && r.open().equals(r.close()) && !r.open().equals(LocalTime.MIDNIGHT)) {
                problems.add(path + "[" + i + "]: open and close are equal (" + r.open() + ")");
            }
        }
    }
}
