package io.contactcenter.routing.contact;

import io.contactcenter.events.security.Roles;
import io.contactcenter.events.routing.EnqueueCommand;
import io.contactcenter.routing.support.Caller;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/routing/contacts")
public class ContactResource {

    private final ContactService contacts;
    private final SecurityIdentity identity;

    public ContactResource(ContactService contacts, SecurityIdentity identity) {
        this.contacts = contacts;
        this.identity = identity;
    }

    /**
     * Enqueue a contact. 201 with its location when new (its state may already be OVERFLOWED when the queue
     * is closed, full or empty: see {@code outcome}); 200 with the existing one for a repeated id; 404 for
     * an unknown queue.
     */
    @POST
    @RolesAllowed({"telephony", "service", "supervisor", "admin"})
    public Uni<RestResponse<ContactView>> enqueue(@Valid @NotNull EnqueueCommand command, UriInfo uri) {
        return contacts.enqueue(command).map(result -> result.created()
                ? RestResponse.ResponseBuilder.<ContactView>created(
                        URI.create(uri.getPath() + "/" + result.contact().contactId()))
                        .entity(result.contact()).build()
                : RestResponse.ok(result.contact()));
    }

    /** The contacts waiting in a queue, next first (position 1), at most {@code limit} (200). */
    @GET
    @RolesAllowed({"supervisor", "admin"})
    public Uni<List<ContactView>> waiting(@QueryParam("queue") @NotBlank(message = "name the queue: ?queue=")
            @Size(max = 64) String queueId, @QueryParam("limit") @DefaultValue("200") @Min(1) @Max(1000) int limit) {
        return contacts.waitingIn(queueId, limit);
    }

    /** State; while waiting also position (1 = next) and estimated wait. */
    @GET
    @Path("/{contactId}")
    @RolesAllowed({"agent", "telephony", "service", "supervisor", "admin"})
    public Uni<ContactView> get(@PathParam("contactId") String contactId) {
        return contacts.find(contactId)
                .onItem().ifNull().failWith(() -> new NotFoundException("No contact with id '" + contactId + "'."))
                .invoke(contact -> Roles.requireOwn(identity, contact.agentId(),
                        "contacts (offered to or handled by them)"));
    }

    /** The caller hung up: abandoned, with wait and position recorded. */
    @DELETE
    @Path("/{contactId}")
    @RolesAllowed({"telephony", "service", "supervisor", "admin"})
    public Uni<ContactView> abandon(@PathParam("contactId") String contactId) {
        return contacts.abandon(contactId);
    }

    /** Handling done: wrap-up starts for the agent. */
    @POST
    @Path("/{contactId}/complete")
    @RolesAllowed({"agent", "telephony", "service", "supervisor", "admin"})
    public Uni<ContactView> complete(@PathParam("contactId") String contactId, @Valid CompleteRequest request) {
        double hold = request == null || request.holdSeconds() == null ? 0 : request.holdSeconds();
        return contacts.complete(contactId, Caller.agentOrNull(identity), hold);
    }

    /**
     * To another queue or a named agent, with all the context. A supervisor may also move a contact that is still
     * waiting to another queue; it keeps its place in line (virtual start time).
     */
    @POST
    @Path("/{contactId}/transfer")
    @RolesAllowed({"agent", "supervisor", "admin"})
    public Uni<ContactView> transfer(@PathParam("contactId") String contactId,
            @Valid @NotNull TransferRequest request) {
        return contacts.transfer(contactId, Caller.agentOrNull(identity), request.queueId(), request.agentId(),
                request.priority());
    }
}
