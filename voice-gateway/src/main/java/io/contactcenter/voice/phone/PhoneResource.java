package io.contactcenter.voice.phone;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.jboss.resteasy.reactive.RestResponse;

/** An agent's softphone account: SIP username and password for REGISTER, and where the phone is registered now. */
@Path("/voice/phones")
public class PhoneResource {

    private static final String ID = "[A-Za-z0-9][A-Za-z0-9._@-]{0,63}";

    private final Phones phones;

    public PhoneResource(Phones phones) {
        this.phones = phones;
    }

    public record PhoneRequest(
            @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._+-]{0,63}", message = "letters, digits, '.', '_', '+' or '-', at most 64") String username,
            @NotNull @Size(min = 8, max = 128, message = "between 8 and 128 characters") String password) {
    }

    @PUT
    @Path("/{agentId}")
    @RolesAllowed({"supervisor", "admin"})
    public Uni<Phones.PhoneView> put(@PathParam("agentId") @Pattern(regexp = ID, message = "letters, digits, '.', '_', '@' or '-', at most 64") String agentId,
            @Valid @NotNull PhoneRequest request) {
        return phones.set(agentId, request.username() == null ? agentId : request.username(), request.password());
    }

    @GET
    @Path("/{agentId}")
    @RolesAllowed({"supervisor", "admin", "telephony"})
    public Uni<Phones.PhoneView> get(@PathParam("agentId") String agentId) {
        return phones.view(agentId).onItem().ifNull().failWith(() -> new NotFoundException("No phone for agent '" + agentId + "'."));
    }

    @DELETE
    @Path("/{agentId}")
    @RolesAllowed({"supervisor", "admin"})
    public Uni<RestResponse<Void>> delete(@PathParam("agentId") String agentId) {
        return phones.delete(agentId).map(found -> {
            if (!found) {
                throw new NotFoundException("No phone for agent '" + agentId + "'.");
            }
            return RestResponse.noContent();
        });
    }
}
