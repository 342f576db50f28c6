package io.contactcenter.crm.casework;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.QueryParam;

public record CaseSearch(
        @QueryParam("customerId") String customerId,
        @QueryParam("status") CaseStatus status,
        @QueryParam("partnerId") String partnerId,
        @QueryParam("overdue") Boolean overdue,
        @QueryParam("limit") @Min(1) @Max(500) Integer limit) {

    public int limitOrDefault() {
        return limit == null ? 100 : limit;
    }

    CaseSearch forPartner(String partner) {
        return new CaseSearch(customerId, status, partner, overdue, limit);
    }
}
