package io.contactcenter.crm.interaction;

import io.contactcenter.crm.customer.CustomerService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Its own root resource: JAX-RS picks the root by its literal path, so this cannot live under {@code /crm}. */
@Path("/crm/customers/{customerId}/interactions")
public class TimelineResource {

    private final InteractionService interactions;
    private final CustomerService customers;
    private final Clock clock;

    public TimelineResource(InteractionService interactions, CustomerService customers, Clock clock) {
        this.interactions = interactions;
        this.customers = customers;
        this.clock = clock;
    }

    /** The customer's timeline, newest first; {@code from}/{@code to} are ISO-8601 instants (default: last 365 days). */
    @GET
    @RolesAllowed({"agent", "supervisor", "admin", "service"})
    public Uni<List<InteractionView>> timeline(@PathParam("customerId") String customerId,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        Instant end = to == null ? clock.instant() : instant("to", to);
        Instant start = from == null ? end.minusSeconds(365L * 86400) : instant("from", from);
        if (!start.isBefore(end)) {
            throw new BadRequestException("'from' must be before 'to'.");
        }
        return customers.find(customerId)
                .onItem().ifNull().failWith(() -> new NotFoundException("No customer with id '" + customerId + "'."))
                .chain(c -> interactions.timeline(customerId, start, end, limit));
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("Query parameter '" + name + "' must be an ISO-8601 instant like"
                    + " 2026-11-24T08:00:00Z, not '" + value + "'.");
        }
    }
}
