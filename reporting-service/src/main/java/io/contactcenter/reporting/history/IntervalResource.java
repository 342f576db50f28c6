package io.contactcenter.reporting.history;

import io.contactcenter.events.Csv;
import io.contactcenter.events.Channel;
import io.contactcenter.reporting.metrics.AgentIntervalMetrics;
import io.contactcenter.reporting.metrics.CallQualityMetrics;
import io.contactcenter.reporting.metrics.IntervalMetrics;
import io.contactcenter.reporting.metrics.IvrIntervalMetrics;
import io.contactcenter.reporting.metrics.ServiceLevelDefinition;
import io.contactcenter.events.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Historical intervals per queue, channel, agent and IVR flow: JSON, or CSV with {@code Accept: text/csv}. Queue and
 * channel responses name the service-level definition and formula they used.
 */
@Path("/reports")
public class IntervalResource {

    private static final String JSON = "application/json;qs=1.0";
    private static final String CSV = "text/csv;qs=0.5";

    private final IntervalService intervals;
    private final SecurityIdentity identity;

    public IntervalResource(IntervalService intervals, SecurityIdentity identity) {
        this.intervals = intervals;
        this.identity = identity;
    }

    @GET
    @Path("/queues/{queueId}/intervals")
    @Produces(JSON)
    @RolesAllowed({"supervisor", "admin", "service"})
    public Uni<IntervalReport> queue(@PathParam("queueId") String queueId, @Valid @BeanParam IntervalQuery q) {
        Range r = Range.of(q.from, q.to, q.interval);
        return intervals.queue(queueId, r.from(), r.to(), r.interval(), definition(q), q.thresholdSeconds,
                q.shortAbandonSeconds);
    }

    @GET
    @Path("/queues/{queueId}/intervals")
    @Produces(CSV)
    @RolesAllowed({"supervisor", "admin", "service"})
    public Uni<String> queueCsv(@PathParam("queueId") String queueId, @Valid @BeanParam IntervalQuery q) {
        return queue(queueId, q).map(IntervalResource::toCsv);
    }

    /** One channel across every queue; for chat, e-mail and SMS the first response column is filled. */
    @GET
    @Path("/channels/{channel}/intervals")
    @Produces(JSON)
    @RolesAllowed({"supervisor", "admin", "service"})
    public Uni<IntervalReport> channel(@PathParam("channel") String channel, @Valid @BeanParam IntervalQuery q) {
        Range r = Range.of(q.from, q.to, q.interval);
        return intervals.channel(channel(channel), r.from(), r.to(), r.interval(), definition(q), q.thresholdSeconds,
                q.shortAbandonSeconds);
    }

    @GET
    @Path("/channels/{channel}/intervals")
    @Produces(CSV)
    @RolesAllowed({"supervisor", "admin", "service"})
    public Uni<String> channelCsv(@PathParam("channel") String channel, @Valid @BeanParam IntervalQuery q) {
        return channel(channel, q).map(IntervalResource::toCsv);
    }

    @GET
    @Path("/agents/{agentId}/intervals")
    @Produces(JSON)
    @RolesAllowed({"agent", "supervisor", "admin", "service"})
    public Uni<List<AgentIntervalMetrics.Row>> agent(@PathParam("agentId") String agentId, @Valid @BeanParam IntervalQuery q) {
        // an agent sees its own day (the desk's "my day"), never a colleague's
        Roles.requireOwn(identity, agentId, "figures");
        Range r = Range.of(q.from, q.to, q.interval);
        return intervals.agent(agentId, r.from(), r.to(), r.interval());
    }

    @GET
    @Path("/agents/{agentId}/intervals")
    @Produces(CSV)
    @RolesAllowed({"supervisor", "admin", "service"})
    public Uni<String> agentCsv(@PathParam("agentId") String agentId, @Valid @BeanParam IntervalQuery q) {
        return agent(agentId, q).map(rows -> {
            StringBuilder csv = new StringBuilder("# agent=" + Csv.cell(agentId)
                    + "; occupancy = engaged (reserved + busy + wrap-up) / (available + engaged)\n"
                    + "start,end,handled,aht_seconds,available_seconds,engaged_seconds,not_ready_seconds,occupancy\n");
            rows.forEach(x -> line(csv, x.start(), x.end(), x.handled(), x.averageHandleSeconds(), x.availableSeconds(),
                    x.engagedSeconds(), x.notReadySeconds(), x.occupancy()));
            return csv.toString();
        });
    }

    /** IVR sessions of one flow ({@code flowId}) or all flows: containment, enqueued, transferred, abandoned in the IVR. */
    @GET
    @Path("/ivr/intervals")
    @Produces(JSON)
    @RolesAllowed({"supervisor", "admin", "service"})
    public Uni<List<IvrIntervalMetrics.Row>> ivr(@QueryParam("flowId") String flowId, @Valid @BeanParam IntervalQuery q) {
        Range r = Range.of(q.from, q.to, q.interval);
        return intervals.ivr(flowId, r.from(), r.to(), r.interval());
    }

    @GET
    @Path("/ivr/intervals")
    @Produces(CSV)
    @RolesAllowed({"supervisor", "admin", "service"})
    public Uni<String> ivrCsv(@QueryParam("flowId") String flowId, @Valid @BeanParam IntervalQuery q) {
        return ivr(flowId, q).map(rows -> {
            StringBuilder csv = new StringBuilder("# flow=" + (flowId == null ? "*" : Csv.cell(flowId))
                    + "; containment = contained / sessions\nstart,end,sessions,contained,enqueued,transferred,abandoned,"
                    + "containment\n");
            rows.forEach(x -> line(csv, x.start(), x.end(), x.sessions(), x.contained(), x.enqueued(), x.transferred(),
                    x.abandoned(), x.containment()));
            return csv.toString();
        });
    }

    /** Media quality of the queue's voice calls as the voice gateway received them, per interval. */
    @GET
    @Path("/queues/{queueId}/call-quality")
    @Produces(JSON)
    @RolesAllowed({"supervisor", "admin", "service"})
    public Uni<CallQualityReport> queueQuality(@PathParam("queueId") String queueId, @Valid @BeanParam IntervalQuery q) {
        Range r = Range.of(q.from, q.to, q.interval);
        return intervals.callQuality(queueId, null, r.from(), r.to(), r.interval())
                .map(rows -> new CallQualityReport(queueId, null, r.from(), r.to(), r.interval(), CallQualityMetrics.DEFINITION, rows));
    }

    @GET
    @Path("/queues/{queueId}/call-quality")
    @Produces(CSV)
    @RolesAllowed({"supervisor", "admin", "service"})
    public Uni<String> queueQualityCsv(@PathParam("queueId") String queueId, @Valid @BeanParam IntervalQuery q) {
        return queueQuality(queueId, q).map(IntervalResource::toCsv);
    }

    /** Media quality of the calls an agent's phone was bridged into, per interval. */
    @GET
    @Path("/agents/{agentId}/call-quality")
    @Produces(JSON)
    @RolesAllowed({"supervisor", "admin", "service"})
    public Uni<CallQualityReport> agentQuality(@PathParam("agentId") String agentId, @Valid @BeanParam IntervalQuery q) {
        Range r = Range.of(q.from, q.to, q.interval);
        return intervals.callQuality(null, agentId, r.from(), r.to(), r.interval())
                .map(rows -> new CallQualityReport(null, agentId, r.from(), r.to(), r.interval(), CallQualityMetrics.DEFINITION, rows));
    }

    @GET
    @Path("/agents/{agentId}/call-quality")
    @Produces(CSV)
    @RolesAllowed({"supervisor", "admin", "service"})
    public Uni<String> agentQualityCsv(@PathParam("agentId") String agentId, @Valid @BeanParam IntervalQuery q) {
        return agentQuality(agentId, q).map(IntervalResource::toCsv);
    }

    static String toCsv(CallQualityReport report) {
        StringBuilder csv = new StringBuilder("# " + (report.queueId() != null ? "queue=" + Csv.cell(report.queueId())
                : "agent=" + Csv.cell(report.agentId())) + "; " + report.definition() + "\n"
                + "start,end,calls,calls_without_media,average_mos,minimum_mos,average_agent_mos,poor_calls,poor_rate,average_loss_ratio,"
                + "average_jitter_ms,maximum_jitter_ms,one_way_audio_calls\n");
        report.rows().forEach(x -> line(csv, x.start(), x.end(), x.calls(), x.callsWithoutMedia(), x.averageMos(), x.minimumMos(), x.averageAgentMos(),
                x.poorCalls(), x.poorRate(), x.averageLossRatio(), x.averageJitterMillis(), x.maximumJitterMillis(),
                x.oneWayAudioCalls()));
        return csv.toString();
    }

    static String toCsv(IntervalReport report) {
        StringBuilder csv = new StringBuilder("# " + (report.queueId() != null ? "queue=" + Csv.cell(report.queueId())
                : "channel=" + report.channel()) + "; service level " + report.serviceLevelDefinition() + " = "
                + report.serviceLevelFormula() + ", T=" + report.thresholdSeconds() + " s, S=" + report.shortAbandonSeconds()
                + " s\n");
        csv.append("start,end,offered,answered,answered_within_t,abandoned,short_abandoned,service_level,"
                + "asa_seconds,aht_seconds,abandon_rate,transfers,resolution_seconds,fcr,surveys,csat,"
                + "callbacks_requested,callbacks_completed,callback_success_rate,outbound_calls,backlog_at_end,first_response_seconds\n");
        for (IntervalMetrics.Row r : report.rows()) {
            line(csv, r.start(), r.end(), r.offered(), r.answered(), r.answeredWithinThreshold(), r.abandoned(),
                    r.shortAbandoned(), r.serviceLevel(), r.averageSpeedOfAnswerSeconds(), r.averageHandleSeconds(),
                    r.abandonRate(), r.transfers(), r.averageResolutionSeconds(), r.firstContactResolution(), r.surveys(),
                    r.csat(), r.callbacksRequested(), r.callbacksCompleted(), r.callbackSuccessRate(), r.outboundCalls(),
                    r.backlogAtEnd(), r.averageFirstResponseSeconds());
        }
        return csv.toString();
    }

    /** One CSV line: fractions with 4 decimals, missing values empty. */
    private static void line(StringBuilder csv, Object... values) {
        csv.append(String.join(",", Arrays.stream(values).map(v -> v == null ? ""
                : v instanceof Double d ? String.format(Locale.ROOT, "%.4f", d) : Csv.cell(v)).toList())).append('\n');
    }

    private static ServiceLevelDefinition definition(IntervalQuery q) {
        try {
            return ServiceLevelDefinition.valueOf(q.serviceLevel);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("serviceLevel: one of ABANDONS_COUNTED, ABANDONS_EXCLUDED, SHORT_ABANDONS_EXCLUDED");
        }
    }

    private static String channel(String value) {
        try {
            return Channel.valueOf(value.toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("channel: one of " + Arrays.toString(Channel.values()) + " (was '" + value + "')");
        }
    }
}
