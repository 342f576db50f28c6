package io.contactcenter.events.sql;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.pgclient.PgException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Instants in and out of {@code timestamptz} columns (always UTC), and what a PostgreSQL error means. */
public final class Sql {

    private Sql() {
    }

    /** Now, at the microsecond precision PostgreSQL stores, so what we return equals what we read back later. */
    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    public static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    /**
     * Not {@code instant.atOffset(UTC)}: on Java 17 that builds a new {@code ZoneRules} each call, which was 2 % of what
     * reporting's ingest allocated (every event has instants bound as parameters).
     */
    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.of(
                LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC), ZoneOffset.UTC);
    }

    /** A unique constraint refused the write (SQLSTATE 23505): the row is already there. */
    public static boolean uniqueViolation(Throwable e) {
        return e instanceof PgException pg && "23505".equals(pg.getSqlState());
    }
}
