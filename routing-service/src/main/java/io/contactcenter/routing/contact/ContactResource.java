package io.contactcenter.routing.contact;

import io.contactcenter.events.routing.EnqueueCommand;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/routing/contacts")
public class ContactResource {

    private final ContactService contacts;

    public ContactResource(ContactService contacts) {
        this.contacts = contacts;
    }

    /** Enqueue a contact. 201 with its location when new; 200 with the existing one for a repeated id. */
    @POST
    @RolesAllowed({"telephony", "service", "supervisor", "admin"})
    public Uni<RestResponse<ContactView>> enqueue(@Valid @NotNull EnqueueCommand command, UriInfo uri) {
        return contacts.enqueue(command).map(result -> result.created()
                ? RestResponse.ResponseBuilder.<ContactView>created(
                        URI.create(uri.getPath() + "/" + result.contact().contactId()))
                        .entity(result.contact()).build()
                : RestResponse.ok(result.contact()));
    }

    @GET
    @Path("/{contactId}")
    @RolesAllowed({"agent", "telephony", "service", "supervisor", "admin"})
    public Uni<ContactView> get(@PathParam("contactId") String contactId) {
        return contacts.find(contactId)
                .onItem().ifNull().failWith(() -> new NotFoundException("No contact with id '" + contactId + "'."));
    }
}
