package io.contactcenter.callback.policy;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Clock;

@Path("/callbacks/policies/{queueId}")
public class PolicyResource {

    private final Clock clock;

    public PolicyResource(Clock clock) {
        this.clock = clock;
    }

    @PUT
    @RolesAllowed({"supervisor", "admin"})
    @WithTransaction
    public Uni<CallbackPolicy> put(@PathParam("queueId") @Pattern(regexp = "[A-Za-z0-9_-]{1,64}") String queueId,
            @Valid @NotNull PolicyRequest r) {
        return CallbackPolicy.<CallbackPolicy>findById(queueId).chain(existing -> {
            CallbackPolicy p = existing != null ? existing : new CallbackPolicy();
            p.queueId = queueId;
            p.maxAttempts = r.maxAttempts();
            p.minRetryIntervalSeconds = r.minRetryIntervalSeconds();
            p.maxPerNumberPerDay = r.maxPerNumberPerDay();
            p.minAbandonWaitSeconds = r.minAbandonWaitSeconds();
            p.autoReturnAbandoned = r.autoReturnAbandoned();
            p.timeZone = r.timeZone();
            p.updatedAt = clock.instant();
            return p.persist();
        });
    }

    @GET
    @RolesAllowed({"supervisor", "admin", "service"})
    @WithSession
    public Uni<CallbackPolicy> get(@PathParam("queueId") String queueId) {
        return CallbackPolicy.<CallbackPolicy>findById(queueId)
                .onItem().ifNull().failWith(() -> new NotFoundException("No callback policy for queue '" + queueId + "'."));
    }
}
