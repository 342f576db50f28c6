package io.contactcenter.routing.queue;

import io.contactcenter.routing.engine.QueueDefinition;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.QueryParam;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/routing/queues")
public class QueueResource {

    static final String ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    private final QueueService queues;
    private final Clock clock;

    public QueueResource(QueueService queues, Clock clock) {
        this.queues = queues;
        this.clock = clock;
    }

    /** Creates (201) or replaces (200) a queue's routing rules. */
    @PUT
    @Path("/{queueId}")
    @RolesAllowed({"supervisor", "admin"})
    public Uni<RestResponse<QueueView>> put(
            @PathParam("queueId") @Pattern(regexp = ID, message = "letters, digits, '.', '_' or '-', at most 64") String queueId,
            @Valid @NotNull QueueDefinition definition) {
        return queues.put(queueId, definition).chain(created -> queues.find(queueId)
                .map(view -> created ? RestResponse.status(RestResponse.Status.CREATED, view) : RestResponse.ok(view)));
    }

    @GET
    @RolesAllowed({"agent", "telephony", "service", "supervisor", "admin"})
    public Uni<List<QueueView>> list() {
        return queues.list();
    }

    @GET
    @Path("/{queueId}")
    @RolesAllowed({"agent", "telephony", "service", "supervisor", "admin"})
    public Uni<QueueView> get(@PathParam("queueId") String queueId) {
        return queues.find(queueId)
                .onItem().ifNull().failWith(() -> new NotFoundException("No queue with id '" + queueId + "'."));
    }

    @DELETE
    @Path("/{queueId}")
    @RolesAllowed({"supervisor", "admin"})
    public Uni<RestResponse<Void>> delete(@PathParam("queueId") String queueId) {
        return queues.delete(queueId).replaceWith(RestResponse.noContent());
    }

    /**
     * How accurate this queue's wait estimates were since {@code from} (default: the last 24 hours): mean
     * and p90 absolute error, overall and by position at entry.
     */
    @GET
    @Path("/{queueId}/wait-estimates")
    @RolesAllowed({"supervisor", "admin", "service"})
    public Uni<EstimateAccuracy> waitEstimates(@PathParam("queueId") String queueId,
            @QueryParam("from") String from) {
        Instant since;
        try {
            since = from == null ? clock.instant().minus(Duration.ofHours(24)) : Instant.parse(from);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("from: '" + from + "' is not an ISO-8601 instant such as 2026-11-22T08:00:00Z");
        }
        return queues.estimateAccuracy(queueId, since);
    }

    /** Waiting, longest wait, agents by state and the wait a new caller can expect. */
    @GET
    @Path("/{queueId}/status")
    @RolesAllowed({"agent", "telephony", "service", "supervisor", "admin"})
    public Uni<QueueStatus> status(@PathParam("queueId") String queueId) {
        return queues.status(queueId);
    }
}
