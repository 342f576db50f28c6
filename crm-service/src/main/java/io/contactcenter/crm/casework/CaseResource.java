package io.contactcenter.crm.casework;

import io.smallrye.mutiny.Uni;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Service requests. Agents register them; supervisors may force a dispatch; partners (role {@code partner}, token
 * subject = partner id) see and move only the cases dispatched to them.
 */
@Path("/crm/cases")
public class CaseResource {

    private final CaseService cases;
    private final SecurityIdentity identity;

    public CaseResource(CaseService cases, SecurityIdentity identity) {
        this.cases = cases;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({"agent", "supervisor", "admin", "service"})
    public Uni<RestResponse<CaseView>> open(@Valid @NotNull CaseRequest request) {
        return cases.open(request, actor()).map(c -> RestResponse.ResponseBuilder
                .<CaseView>created(URI.create("/crm/cases/" + c.caseId())).entity(c).build());
    }

    @GET
    @RolesAllowed({"agent", "supervisor", "admin", "service", "partner"})
    public Uni<List<CaseView>> list(@Valid @BeanParam CaseSearch search) {
        if (isPartner()) {
            if (search.partnerId() != null && !search.partnerId().equals(identity.getPrincipal().getName())) {
                throw new ForbiddenException("A partner sees only its own cases.");
            }
            return cases.list(search.forPartner(identity.getPrincipal().getName()));
        }
        return cases.list(search);
    }

    @GET
    @Path("/{caseId}")
    @RolesAllowed({"agent", "supervisor", "admin", "service", "partner"})
    public Uni<CaseView> get(@PathParam("caseId") String caseId) {
        return cases.get(caseId)
                .onItem().ifNull().failWith(() -> new NotFoundException("No case '" + caseId + "'."))
                .invoke(c -> {
                    if (isPartner() && !identity.getPrincipal().getName().equals(c.partnerId())) {
                        throw new ForbiddenException("Case " + caseId + " is not dispatched to you.");
                    }
                });
    }

    /** Agents dispatch by capacity; naming a partner (forcing) is for supervisors. */
    @POST
    @Path("/{caseId}/dispatch")
    @RolesAllowed({"agent", "supervisor", "admin", "service"})
    public Uni<CaseView> dispatch(@PathParam("caseId") String caseId, @Valid DispatchRequest request) {
        DispatchRequest r = request == null ? new DispatchRequest(null, null) : request;
        if (r.partnerId() != null && !identity.hasRole("supervisor") && !identity.hasRole("admin")) {
            throw new ForbiddenException("Only a supervisor may force a dispatch to a named partner.");
        }
        return cases.dispatch(caseId, r, actor());
    }

    @POST
    @Path("/{caseId}/status")
    @RolesAllowed({"agent", "supervisor", "admin", "service", "partner"})
    public Uni<CaseView> status(@PathParam("caseId") String caseId, @Valid @NotNull StatusChange change) {
        return cases.changeStatus(caseId, change, actor());
    }

    private boolean isPartner() {
        return identity.hasRole("partner") && !identity.hasRole("supervisor") && !identity.hasRole("admin");
    }

    private CaseService.Actor actor() {
        return new CaseService.Actor(identity.getPrincipal().getName(), isPartner());
    }
}
