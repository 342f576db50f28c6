package io.contactcenter.reporting.history;

import io.contactcenter.reporting.metrics.ContactRecord;
import io.contactcenter.reporting.metrics.IntervalMetrics;
import io.contactcenter.reporting.metrics.ServiceLevelDefinition;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Loads a queue's contacts for a range and folds them into intervals ({@link IntervalMetrics}). */
@ApplicationScoped
public class IntervalService {

    private static final String CONTACTS = """
            select contact_id, queued_at, state, wait_seconds, handle_seconds, transfers
              from rpt_contact
             where queue_id = $1 and queued_at >= $2 and queued_at < $3
            """;

    private final Pool pool;

    public IntervalService(Pool pool) {
        this.pool = pool;
    }

    public Uni<IntervalReport> queue(String queueId, Instant from, Instant to, Duration interval,
            ServiceLevelDefinition definition, double thresholdSeconds, double shortAbandonSeconds) {
        return pool.preparedQuery(CONTACTS)
                .execute(Tuple.of(queueId, from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    List<ContactRecord> contacts = new ArrayList<>();
                    for (Row r : rows) {
                        contacts.add(new ContactRecord(r.getString("contact_id"),
                                r.getOffsetDateTime("queued_at").toInstant(), outcome(r.getString("state")),
                                r.getDouble("wait_seconds"), r.getDouble("handle_seconds"), r.getInteger("transfers")));
                    }
                    return new IntervalReport(queueId, from, to, interval, definition.name(), definition.formula(),
                            thresholdSeconds, shortAbandonSeconds, IntervalMetrics.compute(contacts, from, to, interval,
                                    definition, thresholdSeconds, shortAbandonSeconds));
                });
    }

    private static String outcome(String state) {
        return switch (state) {
            case "ANSWERED", "COMPLETED" -> "ANSWERED";
            case "ABANDONED" -> "ABANDONED";
            default -> null;
        };
    }
}
