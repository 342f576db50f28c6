package io.contactcenter.crm.interaction;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.net.URI;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/crm")
public class InteractionResource {

    private final InteractionService interactions;

    public InteractionResource(InteractionService interactions) {
        this.interactions = interactions;
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
