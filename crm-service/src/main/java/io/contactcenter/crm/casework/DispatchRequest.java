package io.contactcenter.crm.casework;

import jakarta.validation.constraints.Size;

/**
 * Dispatch a registered case. Without {@code partnerId} the partner is chosen by capacity, skills, region and SLA
 * record; with it a supervisor forces the choice (capacity may then be exceeded, the partner must be active).
 */
public record DispatchRequest(@Size(max = 64) String partnerId, @Size(max = 1000) String note) {
}
