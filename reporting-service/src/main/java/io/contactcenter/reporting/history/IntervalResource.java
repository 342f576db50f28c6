package io.contactcenter.reporting.history;

import io.contactcenter.reporting.metrics.IntervalMetrics;
import io.contactcenter.reporting.metrics.ServiceLevelDefinition;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;

/**
 * Historical intervals of a queue: JSON, or CSV with {@code Accept: text/csv}. Every response names the
 * service-level definition and formula it used.
 */
@Path("/reports/queues/{queueId}/intervals")
public class IntervalResource {

    static final Set<Duration> INTERVALS = Set.of(Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1),
            Duration.ofDays(1));
    static final Duration MAX_RANGE = Duration.ofDays(93);

    private final IntervalService intervals;

    public IntervalResource(IntervalService intervals) {
        this.intervals = intervals;
    }

    @GET
    @Produces("application/json;qs=1.0")
    @RolesAllowed({"supervisor", "admin", "service"})
    public Uni<IntervalReport> json(@PathParam("queueId") String queueId, @Valid @BeanParam IntervalQuery q) {
        Instant start = instant("from", q.from);
        Instant end = instant("to", q.to);
        Duration step = interval(q.interval);
        if (!end.isAfter(start)) {
            throw new BadRequestException("to: must be after from");
        }
        if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
            throw new BadRequestException("to: at most " + MAX_RANGE.toDays() + " days after from");
        }
        ServiceLevelDefinition sl;
        try {
            sl = ServiceLevelDefinition.valueOf(q.serviceLevel);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("serviceLevel: one of ABANDONS_COUNTED, ABANDONS_EXCLUDED,"
                    + " SHORT_ABANDONS_EXCLUDED");
        }
        return intervals.queue(queueId, start, end, step, sl, q.thresholdSeconds, q.shortAbandonSeconds);
    }

    @GET
    @Produces("text/csv;qs=0.5")
    @RolesAllowed({"supervisor", "admin", "service"})
    public Uni<String> csv(@PathParam("queueId") String queueId, @Valid @BeanParam IntervalQuery q) {
        return json(queueId, q).map(IntervalResource::toCsv);
    }

    static String toCsv(IntervalReport report) {
        StringBuilder csv = new StringBuilder("# queue=" + report.queueId() + "; service level "
                + report.serviceLevelDefinition() + " = " + report.serviceLevelFormula() + ", T="
                + report.thresholdSeconds() + " s, S=" + report.shortAbandonSeconds() + " s\n");
        csv.append("start,end,offered,answered,answered_within_t,abandoned,short_abandoned,service_level,"
                + "asa_seconds,aht_seconds,abandon_rate,transfers\n");
        for (IntervalMetrics.Row r : report.rows()) {
            csv.append(r.start()).append(',').append(r.end()).append(',').append(r.offered()).append(',')
                    .append(r.answered()).append(',').append(r.answeredWithinThreshold()).append(',')
                    .append(r.abandoned()).append(',').append(r.shortAbandoned()).append(',')
                    .append(num(r.serviceLevel())).append(',').append(num(r.averageSpeedOfAnswerSeconds())).append(',')
                    .append(num(r.averageHandleSeconds())).append(',').append(num(r.abandonRate())).append(',')
                    .append(r.transfers()).append('\n');
        }
        return csv.toString();
    }

    private static String num(Double v) {
        return v == null ? "" : String.format(Locale.ROOT, "%.4f", v);
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
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new BadRequestException("interval: one of PT15M, PT30M, PT1H, P1D (was '" + value + "')");
    }
}
