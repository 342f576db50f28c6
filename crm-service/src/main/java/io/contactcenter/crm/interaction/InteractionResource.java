package io.contactcenter.crm.interaction;

import io.contactcenter.crm.config.CrmConfig;
import io.contactcenter.events.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/crm")
public class InteractionResource {

    private final InteractionService interactions;
    private final CrmConfig config;
    private final SecurityIdentity identity;
    private final Clock clock;

    public InteractionResource(InteractionService interactions, CrmConfig config, SecurityIdentity identity, Clock clock) {
        this.interactions = interactions;
        this.config = config;
        this.identity = identity;
        this.clock = clock;
    }

    /** The disposition codes agents choose from at wrap-up ({@code cc.crm.dispositions}). */
    @GET
    @Path("/dispositions")
    @RolesAllowed({"agent", "supervisor", "admin", "service"})
    public List<String> dispositions() {
        return config.dispositions();
    }

    /**
     * The handling agent's wrap-up: a disposition and notes on the contact's interaction. 404 while the interaction
     * is not there (it follows the contact's events), 409 for an agent who did not handle it.
     */
    @POST
    @Path("/interactions/{interactionId}/wrap-up")
    @RolesAllowed({"agent", "supervisor", "admin"})
    public Uni<InteractionView> wrapUp(@PathParam("interactionId") String interactionId,
            @Valid @NotNull WrapUpRequest request) {
        if (!config.dispositions().contains(request.disposition())) {
            throw new BadRequestException("Unknown disposition '" + request.disposition() + "'; choose one of "
                    + config.dispositions() + ".");
        }
        return interactions.wrapUp(interactionId, identity.getPrincipal().getName(), Roles.agentOnly(identity), request,
                        clock.instant())
                .onItem().ifNull().failWith(() -> new NotFoundException("No interaction '" + interactionId
                        + "' (yet: it appears once the contact's events reach the CRM; only known customers have one)."));
    }

    @GET
    @Path("/interactions/{interactionId}")
    @RolesAllowed({"agent", "supervisor", "admin", "service"})
    public Uni<InteractionView> get(@PathParam("interactionId") String interactionId) {
        return interactions.find(interactionId)
                .onItem().ifNull().failWith(() -> new NotFoundException("No interaction '" + interactionId + "'."));
    }

    /** The recorder (or telephony edge) reports a stored recording of a contact, a case, or both. */
    @POST
    @Path("/recordings")
    @RolesAllowed({"telephony", "agent", "supervisor", "admin", "service"})
    public Uni<RestResponse<RecordingView>> attach(@Valid @NotNull RecordingRequest request) {
        return interactions.attach(request).map(r -> RestResponse.ResponseBuilder
                .<RecordingView>created(URI.create("/crm/recordings/" + r.recordingId())).entity(r).build());
    }
}
