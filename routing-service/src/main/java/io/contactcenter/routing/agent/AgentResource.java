package io.contactcenter.routing.agent;

import io.contactcenter.events.security.Roles;
import io.contactcenter.routing.offer.OfferStream;
import io.contactcenter.routing.offer.OfferView;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestStreamElementType;

@Path("/routing/agents")
public class AgentResource {

    private final AgentService agents;
    private final OfferStream offers;
    private final SecurityIdentity identity;

    public AgentResource(AgentService agents, OfferStream offers, SecurityIdentity identity) {
        this.agents = agents;
        this.offers = offers;
        this.identity = identity;
    }

    /** Creates (201, logged out) or updates (200) an agent's skills, memberships and capacity. */
    @PUT
    @Path("/{agentId}")
    @RolesAllowed({"supervisor", "admin"})
    public Uni<RestResponse<AgentView>> put(
            @PathParam("agentId") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._@-]{0,63}",
                    message = "letters, digits, '.', '_', '@' or '-', at most 64") String agentId,
            @Valid @NotNull AgentProfile profile) {
        return agents.put(agentId, profile).chain(created -> agents.find(agentId)
                .map(view -> created ? RestResponse.status(RestResponse.Status.CREATED, view) : RestResponse.ok(view)));
    }

    @GET
    @RolesAllowed({"supervisor", "admin", "service"})
    public Uni<List<AgentView>> list(@QueryParam("queue") String queueId,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        return agents.list(queueId, limit, offset);
    }

    @GET
    @Path("/{agentId}")
    @RolesAllowed({"agent", "supervisor", "admin", "service"})
    public Uni<AgentView> get(@PathParam("agentId") String agentId) {
        requireSelfOrSupervisor(agentId);
        return agents.find(agentId)
                .onItem().ifNull().failWith(() -> new NotFoundException("No agent with id '" + agentId + "'."));
    }

    /** Agents set their own presence; supervisors may set anyone's. */
    @POST
    @Path("/{agentId}/state")
    @RolesAllowed({"agent", "supervisor", "admin"})
    public Uni<AgentView> changeState(@PathParam("agentId") String agentId, @Valid @NotNull StateChange change) {
        requireSelfOrSupervisor(agentId);
        return agents.changeState(agentId, change);
    }

    /** Server-Sent Events: the agent's pending offers, then every new one, with the full screen pop. */
    @GET
    @Path("/{agentId}/offers")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @RolesAllowed({"agent", "supervisor", "admin"})
    public Multi<OfferView> offers(@PathParam("agentId") String agentId) {
        requireSelfOrSupervisor(agentId);
        return Multi.createFrom().uni(agents.find(agentId)
                        .onItem().ifNull().failWith(() -> new NotFoundException("No agent with id '" + agentId + "'.")))
                .onItem().transformToMultiAndConcatenate(a -> offers.stream(agentId));
    }

    private void requireSelfOrSupervisor(String agentId) {
        Roles.requireOwn(identity, agentId, "profile, state and offers");
    }

}
