package io.contactcenter.callback.request;

import io.contactcenter.events.phone.PhoneNumbers;
import io.smallrye.mutiny.Uni;
import io.contactcenter.events.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/callbacks")
public class CallbackResource {

    private final CallbackService callbacks;
    private final SecurityIdentity identity;

    public CallbackResource(CallbackService callbacks, SecurityIdentity identity) {
        this.callbacks = callbacks;
        this.identity = identity;
    }

    /**
     * 201 with a new callback, or 200 with the open one this number already has for the queue (its window moved when a
     * new one is given).
     */
    @POST
    @RolesAllowed({"telephony", "agent", "supervisor", "admin", "service"})
    public Uni<RestResponse<CallbackView>> request(@Valid @NotNull CallbackRequest request) {
        String phone;
        try {
            phone = PhoneNumbers.toE164(request.phone(), request.region());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("phone: " + e.getMessage());
        }
        return callbacks.request(request, phone, identity.getPrincipal().getName()).map(r -> r.created()
                ? RestResponse.ResponseBuilder.<CallbackView>created(URI.create("/callbacks/" + r.callback().callbackId()))
                        .entity(r.callback()).build()
                : RestResponse.ok(r.callback()));
    }

    @GET
    @Path("/{callbackId}")
    @RolesAllowed({"telephony", "agent", "supervisor", "admin", "service"})
    public Uni<CallbackView> get(@PathParam("callbackId") String id) {
        return requireOwn(id).chain(() -> callbacks.get(id))
                .onItem().ifNull().failWith(() -> new NotFoundException("No callback '" + id + "'."));
    }

    @GET
    @RolesAllowed({"telephony", "agent", "supervisor", "admin", "service"})
    public Uni<List<CallbackView>> list(
            @QueryParam("status") @Pattern(regexp = "SCHEDULED|QUEUED|DIALING|COMPLETED|FAILED|CANCELLED",
                    message = "must be SCHEDULED, QUEUED, DIALING, COMPLETED, FAILED or CANCELLED") String status,
            @QueryParam("queue") String queue,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        // an agent lists the callbacks it asked for or dialled: the others carry customers' numbers it has no need of
        return callbacks.list(status, queue, Roles.agentOnly(identity) ? identity.getPrincipal().getName() : null, limit);
    }

    /** Withdraw: the customer no longer wants it, or an agent resolved the matter otherwise. */
    @DELETE
    @Path("/{callbackId}")
    @RolesAllowed({"telephony", "agent", "supervisor", "admin", "service"})
    public Uni<CallbackView> cancel(@PathParam("callbackId") String id) {
        return requireOwn(id).chain(() -> callbacks.cancel(id, "withdrawn")).onItem().ifNull().failWith(() -> new NotFoundException("No callback '" + id + "'."));
    }

    /** The telephony edge reports how the dial-out went. */
    @POST
    @Path("/{callbackId}/outcome")
    @RolesAllowed({"telephony", "service"})
    public Uni<CallbackView> outcome(@PathParam("callbackId") String id, @Valid @NotNull OutcomeReport report) {
        return callbacks.outcome(id, report.outcome())
                .onItem().ifNull().failWith(() -> new NotFoundException("No callback '" + id + "'."));
    }

    /** For an agent-only caller: 404 for an unknown callback, 403 for one it neither asked for nor dialled. */
    private Uni<Void> requireOwn(String id) {
        if (!Roles.agentOnly(identity)) {
            return Uni.createFrom().voidItem();
        }
        return callbacks.belongsTo(id, identity.getPrincipal().getName())
                .onItem().ifNull().failWith(() -> new NotFoundException("No callback '" + id + "'."))
                .invoke(own -> {
                    if (!own) {
                        throw new io.quarkus.security.ForbiddenException(
                                "agents may read and withdraw only the callbacks they asked for or dialled");
                    }
                })
                .replaceWithVoid();
    }
}
