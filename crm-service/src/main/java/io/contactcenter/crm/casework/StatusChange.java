package io.contactcenter.crm.casework;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A step in the lifecycle; ON_HOLD needs a {@code delayReason} (waiting for parts, customer unavailable, …). */
public record StatusChange(@NotNull CaseStatus status, @Size(max = 1000) String note, @Size(max = 200) String delayReason) {
}
