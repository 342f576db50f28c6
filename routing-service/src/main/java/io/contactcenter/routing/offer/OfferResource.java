package io.contactcenter.routing.offer;

import io.contactcenter.events.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

/**
 * The agent's answer to an offer. Only the agent it was made to may answer; 409 once it is no longer pending. The
 * telephony edge answers for the agent whose phone it rang (the phone was authenticated by its SIP registration):
 * it names that agent with {@code ?agentId=}, and an offer made to someone else is a 409 as for the agent.
 */
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
    @RolesAllowed({"agent", "telephony"})
    public Uni<OfferView> accept(@PathParam("offerId") String offerId, @QueryParam("agentId") String agentId) {
        return offers.accept(offerId, answering(agentId));
    }

    @POST
    @Path("/{offerId}/reject")
    @RolesAllowed({"agent", "telephony"})
    public Uni<OfferView> reject(@PathParam("offerId") String offerId, @QueryParam("agentId") String agentId) {
        return offers.reject(offerId, answering(agentId));
    }

    /** Who answers: an agent always for itself; the telephony edge for the agent it names. */
    private String answering(String agentId) {
        if (!identity.hasRole(Roles.TELEPHONY) || identity.hasRole(Roles.AGENT)) {
            return identity.getPrincipal().getName();
        }
        if (agentId == null || agentId.isBlank()) {
            throw new BadRequestException("agentId: required when the telephony edge answers an offer for an agent");
        }
        return agentId;
    }
}
