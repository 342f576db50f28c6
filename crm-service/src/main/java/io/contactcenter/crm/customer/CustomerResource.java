package io.contactcenter.crm.customer;

import io.contactcenter.crm.config.CrmConfig;
import io.contactcenter.crm.context.ContextService;
import io.contactcenter.crm.context.CustomerContext;
import io.contactcenter.events.phone.PhoneNumbers;
import io.contactcenter.events.problem.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

@Path("/crm/customers")
public class CustomerResource {

    private final CustomerService customers;
    private final ContextService contexts;
    private final CrmConfig config;

    public CustomerResource(CustomerService customers, ContextService contexts, CrmConfig config) {
        this.customers = customers;
        this.contexts = contexts;
        this.config = config;
    }

    @POST
    @RolesAllowed({"agent", "supervisor", "admin", "service"})
    public Uni<RestResponse<CustomerView>> create(@Valid @NotNull CustomerRequest request, UriInfo uri)
            throws CustomerService.InvalidPhones {
        var phones = CustomerService.normalise(request.phones(), request.region());
        return customers.create(request, phones).map(c -> RestResponse.ResponseBuilder
                .<CustomerView>created(URI.create(uri.getPath() + "/" + c.customerId())).entity(c).build());
    }

    /** Search by name prefix, e-mail, segment or phone (any form libphonenumber reads); keyset paging by id. */
    @GET
    @RolesAllowed({"agent", "supervisor", "admin", "service"})
    public Uni<List<CustomerView>> search(@Valid @BeanParam CustomerSearch search) {
        return customers.search(search.phone() == null ? search : search.withPhone(e164("phone", search.phone())));
    }

    /**
     * Who is calling, and the context that travels with the call: history, open cases, experience signals and
     * risk. The telephony edge and IVR ask this on every call.
     */
    @GET
    @Path("/lookup")
    @RolesAllowed({"telephony", "agent", "supervisor", "admin", "service"})
    public Uni<CustomerContext> lookup(@QueryParam("phone") String phone) {
        String e164 = e164("phone", phone);
        return contexts.byPhone(e164).onItem().ifNull().switchTo(() -> config.lookup().autoCreate()
                ? customers.createForCaller(e164).chain(c -> contexts.byCustomer(c.customerId()))
                : Uni.createFrom().failure(new NotFoundException("No customer has phone " + e164 + ".")));
    }

    @GET
    @Path("/{customerId}")
    @RolesAllowed({"agent", "supervisor", "admin", "service"})
    public Uni<CustomerView> get(@PathParam("customerId") String customerId) {
        return customers.find(customerId).onItem().ifNull().switchTo(() -> missing(customerId));
    }

    @GET
    @Path("/{customerId}/context")
    @RolesAllowed({"agent", "supervisor", "admin", "service"})
    public Uni<CustomerContext> context(@PathParam("customerId") String customerId) {
        return contexts.byCustomer(customerId).onItem().ifNull().switchTo(() -> missing(customerId));
    }

    @PUT
    @Path("/{customerId}")
    @RolesAllowed({"agent", "supervisor", "admin", "service"})
    public Uni<CustomerView> replace(@PathParam("customerId") String customerId, @Valid @NotNull CustomerRequest request)
            throws CustomerService.InvalidPhones {
        var phones = CustomerService.normalise(request.phones(), request.region());
        return customers.replace(customerId, request, phones).onItem().ifNull().switchTo(() -> missing(customerId));
    }

    /** Right to erasure: PII goes, anonymous statistics stay. */
    @DELETE
    @Path("/{customerId}")
    @RolesAllowed({"supervisor", "admin"})
    public Uni<RestResponse<Void>> erase(@PathParam("customerId") String customerId) {
        return customers.erase(customerId).chain(erased -> erased
                ? Uni.createFrom().item(RestResponse.<Void>noContent())
                : missing(customerId));
    }

    /** 410 for an erased customer (so a caller knows not to retry), 404 for an unknown id. */
    private <T> Uni<T> missing(String customerId) {
        return customers.erasedAt(customerId).chain(erasedAt -> Uni.createFrom().failure(erasedAt != null
                ? new ClientErrorException("Customer '" + customerId + "' was erased on " + erasedAt + ".", 410)
                : new NotFoundException("No customer with id '" + customerId + "'.")));
    }

    private static String e164(String parameter, String raw) {
        try {
            return PhoneNumbers.requireE164(raw);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("Query parameter '" + parameter + "': " + e.getMessage());
        }
    }

    @ServerExceptionMapper
    public RestResponse<Problem> invalidPhones(CustomerService.InvalidPhones e, UriInfo uri) {
        return RestResponse.ResponseBuilder.create(RestResponse.Status.BAD_REQUEST,
                new Problem("about:blank", "Invalid request", 400, e.getMessage() + "; see errors.", uri.getPath(), e.errors))
                .type(Problem.MEDIA_TYPE).build();
    }
}
