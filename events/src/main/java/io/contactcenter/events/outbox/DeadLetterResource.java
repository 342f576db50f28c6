package io.contactcenter.events.outbox;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Every service's dead letters, for on-call: list them, replay one once its cause is fixed. */
@Path("/admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    private final DeadLetters deadLetters;
    private final Pool pool;

    public DeadLetterResource(DeadLetters deadLetters, Pool pool) {
        this.deadLetters = deadLetters;
        this.pool = pool;
    }

    /** Newest first; {@code consumer} narrows to one consumer group of this service. */
    @GET
    @RolesAllowed("admin")
    public Uni<List<DeadLetters.View>> list(@QueryParam("consumer") String consumer,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return deadLetters.list(pool, consumer, limit);
    }

    /** Publishes the parked record again to its topic for {@code consumer}; 404 unknown, 409 when not replayable. */
    @POST
    @Path("/{consumer}/{eventId}/replay")
    @RolesAllowed("admin")
    public Uni<DeadLetters.View> replay(@PathParam("consumer") String consumer, @PathParam("eventId") String eventId) {
        return deadLetters.replay(pool, consumer, eventId)
                .onFailure(IllegalStateException.class).transform(e -> new ClientErrorException(e.getMessage(), 409))
                .onItem().ifNull().failWith(() -> new NotFoundException("No dead letter '" + eventId + "' of consumer '"
                        + consumer + "'; list them with GET /admin/dead-letters."));
    }
}
