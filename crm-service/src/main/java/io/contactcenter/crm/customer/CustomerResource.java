package io.contactcenter.crm.customer;

import io.contactcenter.events.phone.PhoneNumbers;
import io.contactcenter.events.problem.Problem;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

@Path("/crm/customers")
public class CustomerResource {

    private final CustomerService customers;

    public CustomerResource(CustomerService customers) {
        this.customers = customers;
    }

    @POST
    @RolesAllowed({"agent", "supervisor", "admin", "service"})
    public Uni<RestResponse<CustomerView>> create(@Valid @NotNull CustomerRequest request, UriInfo uri)
            throws CustomerService.InvalidPhones {
        var phones = CustomerService.normalise(request);
        return customers.create(request, phones).map(c -> RestResponse.ResponseBuilder
                .<CustomerView>created(URI.create(uri.getPath() + "/" + c.customerId())).entity(c).build());
    }

    /** Who is calling: the telephony edge and IVR ask this on every call, so it stays one indexed read. */
    @GET
    @Path("/lookup")
    @RolesAllowed({"telephony", "agent", "supervisor", "admin", "service"})
    public Uni<CustomerView> lookup(@QueryParam("phone") String phone) {
        String e164;
        try {
            e164 = PhoneNumbers.requireE164(phone);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("Query parameter 'phone': " + e.getMessage());
        }
        return customers.lookup(e164)
                .onItem().ifNull().failWith(() -> new NotFoundException("No customer has phone " + e164 + "."));
    }

    @GET
    @Path("/{customerId}")
    @RolesAllowed({"agent", "supervisor", "admin", "service"})
    public Uni<CustomerView> get(@PathParam("customerId") String customerId) {
        return customers.find(customerId)
                .onItem().ifNull().failWith(() -> new NotFoundException("No customer with id '" + customerId + "'."));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> invalidPhones(CustomerService.InvalidPhones e, UriInfo uri) {
        return RestResponse.ResponseBuilder.create(RestResponse.Status.BAD_REQUEST,
                new Problem("about:blank", "Invalid request", 400, e.getMessage() + "; see errors.", uri.getPath(), e.errors))
                .type(Problem.MEDIA_TYPE).build();
    }
}
