package io.contactcenter.reporting.history;

import jakarta.ws.rs.BadRequestException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;

/** A validated report range: [from, to) cut into intervals of 15, 30, 60 minutes or a day, at most 93 days long. */
record Range(Instant from, Instant to, Duration interval) {

    static final Set<Duration> INTERVALS = Set.of(Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1),
            Duration.ofDays(1));
    static final Duration MAX_RANGE = Duration.ofDays(93);

    static Range of(String from, String to, String interval) {
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        Duration step = interval(interval);
        if (!end.isAfter(start)) {
            throw new BadRequestException("to: must be after from");
        }
        if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
            throw new BadRequestException("to: at most " + MAX_RANGE.toDays() + " days after from");
        }
        return new Range(start, end, step);
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new BadRequestException(name + ": '" + value + "' is not an ISO-8601 instant such as 2026-11-22T08:00:00Z");
        }
    }

    private static Duration interval(String value) {
        try {
            Duration d = Duration.parse(value);
            if (INTERVALS.contains(d)) {
                return d;
            }
        } catch (DateTimeParseException | NullPointerException e) {
            // reported below
        }
        throw new BadRequestException("interval: one of PT15M, PT30M, PT1H, P1D (was '" + value + "')");
    }
}
