package io.contactcenter.crm.partner;

import io.contactcenter.events.sql.Sql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Clock;
import java.util.List;

@Path("/crm/partners")
public class PartnerResource {

    private final Pool pool;
    private final PartnerRepository partners;
    private final Clock clock;
    private final io.contactcenter.events.notify.WebhookPolicy webhooks;

    public PartnerResource(Pool pool, PartnerRepository partners, Clock clock,
            io.contactcenter.events.notify.NotifierConfig notifier) {
        this.pool = pool;
        this.partners = partners;
        this.clock = clock;
        this.webhooks = io.contactcenter.events.notify.WebhookPolicy.of(notifier);
    }

    /** Create or replace; open jobs and the SLA record are kept (they come from the cases). */
    @PUT
    @Path("/{partnerId}")
    @RolesAllowed({"supervisor", "admin"})
    public Uni<PartnerView> put(
            @PathParam("partnerId") @Pattern(regexp = "[A-Za-z0-9._-]{1,64}",
                    message = "must be 1-64 letters, digits, '.', '_' or '-'") String partnerId,
            @Valid @NotNull PartnerRequest request) {
        if (request.notifyUrl() != null) {
            webhooks.refusal(request.notifyUrl()).ifPresent(why -> {
                throw new jakarta.ws.rs.BadRequestException("notifyUrl " + why + ".");
            });
        }
        return pool.withTransaction(tx -> partners.upsert(tx, partnerId, request, Sql.now(clock)));
    }

    @GET
    @Path("/{partnerId}")
    @RolesAllowed({"agent", "supervisor", "admin", "service"})
    public Uni<PartnerView> get(@PathParam("partnerId") String partnerId) {
        return partners.find(pool, partnerId)
                .onItem().ifNull().failWith(() -> new NotFoundException("No service partner '" + partnerId + "'."));
    }

    @GET
    @RolesAllowed({"agent", "supervisor", "admin", "service"})
    public Uni<List<PartnerView>> list(@QueryParam("region") String region, @QueryParam("skill") String skill) {
        return partners.list(pool, region, skill);
    }
}
