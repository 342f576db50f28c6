package io.contactcenter.reporting.realtime;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import org.jboss.resteasy.reactive.RestStreamElementType;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;

@Path("/reports/realtime")
@RolesAllowed({"supervisor", "admin", "service"})
public class RealtimeResource {

    private final RealtimeService realtime;
    private final AgentRealtimeService agents;

    public RealtimeResource(RealtimeService realtime, AgentRealtimeService agents) {
        this.realtime = realtime;
        this.agents = agents;
    }

    @GET
    @Path("/queues")
    public Uni<List<QueueRealtime>> queues() {
        return realtime.queues(null);
    }

    @GET
    @Path("/agents")
    public Uni<List<AgentRealtime>> agents() {
        return agents.agents();
    }

    /** Server-Sent Events for wallboards: a full frame every second (queues and agents by state). */
    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<Wallboard> stream() {
        return Multi.createFrom().ticks().startingAfter(Duration.ofMillis(1)).every(Duration.ofSeconds(1))
                .onOverflow().drop()
                .onItem().transformToUniAndConcatenate(tick -> realtime.queues(null)
                        .chain(queues -> agents.byState().chain(states -> realtime.backlog()
                                .map(backlog -> new Wallboard(Instant.now(), queues, states, backlog)))));
    }

    /** Waiting contacts, open callbacks and open cases (overdue ones counted apart). */
    @GET
    @Path("/backlog")
    public Uni<Backlog> backlog() {
        return realtime.backlog();
    }

    @GET
    @Path("/queues/{queueId}")
    public Uni<QueueRealtime> queue(@PathParam("queueId") String queueId) {
        return realtime.queues(queueId).map(list -> list.stream().findFirst()
                .orElseThrow(() -> new NotFoundException("No activity recorded for queue '" + queueId + "'.")));
    }
}
