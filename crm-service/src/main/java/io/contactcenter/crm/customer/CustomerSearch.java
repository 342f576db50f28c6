package io.contactcenter.crm.customer;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;

/**
 * Filters of {@code GET /crm/customers}; all given filters must match. {@code phone} is normalised to
 * E.164 by the resource before it gets here.
 */
public record CustomerSearch(
        @QueryParam("name") @Size(min = 2, max = 200, message = "must be 2 to 200 characters (a name prefix)") String name,
        @QueryParam("email") @Email String email,
        @QueryParam("segment") Segment segment,
        @QueryParam("phone") String phone,
        @QueryParam("after") @Size(max = 64) String after,
        @QueryParam("limit") @Min(1) @Max(500) Integer limit) {

    public int limitOrDefault() {
        return limit == null ? 50 : limit;
    }

    CustomerSearch withPhone(String e164) {
        return new CustomerSearch(name, email, segment, e164, after, limit);
    }
}
