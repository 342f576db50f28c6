package io.contactcenter.reporting.history;

import io.contactcenter.reporting.metrics.ContactRecord;
import io.contactcenter.reporting.metrics.IntervalMetrics;
import io.contactcenter.reporting.metrics.ServiceLevelDefinition;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** Loads a queue's contacts for a range and folds them into intervals ({@link IntervalMetrics}). */
@ApplicationScoped
public class IntervalService {

    private static final String CONTACTS = """
            select contact_id, queued_at, state, wait_seconds, handle_seconds, transfers
              from rpt_contact
             where queue_id = ?1 and queued_at >= ?2 and queued_at < ?3
            """;

    @WithSession
    public Uni<IntervalReport> queue(String queueId, Instant from, Instant to, Duration interval,
            ServiceLevelDefinition definition, double thresholdSeconds, double shortAbandonSeconds) {
        return Panache.getSession().chain(s -> s.createNativeQuery(CONTACTS, Object[].class)
                .setParameter(1, queueId).setParameter(2, from).setParameter(3, to).getResultList())
                .map(rows -> {
                    List<ContactRecord> contacts = rows.stream().map(r -> new ContactRecord((String) r[0],
                            instant(r[1]), outcome((String) r[2]), (Double) r[3], (Double) r[4],
                            ((Number) r[5]).intValue())).toList();
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

    private static Instant instant(Object o) {
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((java.sql.Timestamp) o).toInstant();
    }
}
