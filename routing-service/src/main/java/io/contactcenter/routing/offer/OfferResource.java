package io.contactcenter.routing.offer;

import io.contactcenter.events.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** The agent's answer to an offer. Only the agent it was made to may answer; 409 once it is no longer pending. */
@Path("/routing/offers")
public class OfferResource {

    private final OfferService offers;
    private final SecurityIdentity identity;

    public OfferResource(OfferService offers, SecurityIdentity identity) {
        this.offers = offers;
        this.identity = identity;
    }

    @GET
    @Path("/{offerId}")
    @RolesAllowed({"agent", "supervisor", "admin"})
    public Uni<OfferView> get(@PathParam("offerId") String offerId) {
        return offers.find(offerId)
                .onItem().ifNull().failWith(() -> new NotFoundException("No offer with id '" + offerId + "'."))
                .invoke(offer -> Roles.requireOwn(identity, offer.agentId(), "offers"));
    }

    @POST
    @Path("/{offerId}/accept")
    @RolesAllowed("agent")
    public Uni<OfferView> accept(@PathParam("offerId") String offerId) {
        return offers.accept(offerId, identity.getPrincipal().getName());
    }

    @POST
    @Path("/{offerId}/reject")
    @RolesAllowed("agent")
    public Uni<OfferView> reject(@PathParam("offerId") String offerId) {
        return offers.reject(offerId, identity.getPrincipal().getName());
    }
}
