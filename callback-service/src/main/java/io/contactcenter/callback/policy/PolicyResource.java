package io.contactcenter.callback.policy;

import io.contactcenter.events.sql.Sql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Clock;
import java.util.List;

@Path("/callbacks/policies/{queueId}")
public class PolicyResource {

    private final Pool pool;
    private final PolicyRepository policies;
    private final Clock clock;

    public PolicyResource(Pool pool, PolicyRepository policies, Clock clock) {
        this.pool = pool;
        this.policies = policies;
        this.clock = clock;
    }

    @PUT
    @RolesAllowed({"supervisor", "admin"})
    public Uni<Policy> put(@PathParam("queueId") @Pattern(regexp = "[A-Za-z0-9_-]{1,64}",
            message = "must be 1-64 letters, digits, '_' or '-'") String queueId, @Valid @NotNull PolicyRequest r) {
        if (r.callingHours() != null) {
            List<String> problems = new io.contactcenter.events.calendar.Hours(r.timeZone(), r.callingHours().weekly(),
                    r.callingHours().holidays(), List.of()).problems("callingHours");
            if (!problems.isEmpty()) {
                throw new BadRequestException(String.join("; ", problems));
            }
        }
        return pool.withTransaction(tx -> policies.upsert(tx, queueId, r, Sql.now(clock)));
    }

    @GET
    @RolesAllowed({"supervisor", "admin", "service"})
    public Uni<Policy> get(@PathParam("queueId") String queueId) {
        return policies.find(pool, queueId)
                .onItem().ifNull().failWith(() -> new NotFoundException("No callback policy for queue '" + queueId + "'."));
    }
}
