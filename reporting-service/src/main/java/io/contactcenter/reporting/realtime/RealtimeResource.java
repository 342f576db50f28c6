package io.contactcenter.reporting.realtime;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;

@Path("/reports/realtime/queues")
@RolesAllowed({"supervisor", "admin", "service"})
public class RealtimeResource {

    private final RealtimeService realtime;

    public RealtimeResource(RealtimeService realtime) {
        this.realtime = realtime;
    }

    @GET
    public Uni<List<QueueRealtime>> queues() {
        return realtime.queues(null);
    }

    @GET
    @Path("/{queueId}")
    public Uni<QueueRealtime> queue(@PathParam("queueId") String queueId) {
        return realtime.queues(queueId).map(list -> list.stream().findFirst()
                .orElseThrow(() -> new NotFoundException("No activity recorded for queue '" + queueId + "'.")));
    }
}
