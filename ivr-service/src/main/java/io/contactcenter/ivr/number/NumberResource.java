package io.contactcenter.ivr.number;

import io.contactcenter.events.phone.PhoneNumbers;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Clock;

/** Bind dialled numbers (E.164) to call flows. */
@Path("/ivr/numbers/{number}")
public class NumberResource {

    private final Clock clock;
    private final SecurityIdentity identity;

    public NumberResource(Clock clock, SecurityIdentity identity) {
        this.clock = clock;
        this.identity = identity;
    }

    @PUT
    @RolesAllowed({"supervisor", "admin"})
    @WithTransaction
    public Uni<BindingView> bind(@PathParam("number") String number, @Valid @NotNull BindingRequest request) {
        String e164 = e164(number);
        return NumberBinding.<NumberBinding>findById(e164).chain(existing -> {
            NumberBinding b = existing != null ? existing : new NumberBinding();
            b.e164 = e164;
            b.flowId = request.flowId();
            b.updatedAt = clock.instant();
            b.updatedBy = identity.getPrincipal().getName();
            return b.<NumberBinding>persist().map(BindingView::of);
        });
    }

    @GET
    @RolesAllowed({"telephony", "supervisor", "admin"})
    @WithSession
    public Uni<BindingView> get(@PathParam("number") String number) {
        String e164 = e164(number);
        return NumberBinding.<NumberBinding>findById(e164)
                .onItem().ifNull().failWith(() -> new NotFoundException("Number " + e164 + " is not bound to a flow."))
                .map(BindingView::of);
    }

    private static String e164(String number) {
        try {
            return PhoneNumbers.requireE164(number);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("Path parameter 'number': " + e.getMessage());
        }
    }
}
