package io.contactcenter.crm.casework;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Register a service request. {@code contactId} ties it to the call it came from; {@code productLine} and
 * {@code region} are what dispatch matches partners on. {@code autoDispatch} dispatches at once when a partner
 * has capacity (otherwise the case stays REGISTERED).
 */
public record CaseRequest(
        @NotBlank @Size(max = 64) String customerId,
        @Size(max = 64) String contactId,
        @NotNull CaseCategory category,
        CasePriority priority,
        @Size(max = 64) String productLine,
        @Size(max = 64) String region,
        @NotBlank @Size(max = 200) String subject,
        @Size(max = 10_000) String description,
        boolean autoDispatch) {

    public CasePriority priorityOrDefault() {
        return priority == null ? CasePriority.NORMAL : priority;
    }
}
