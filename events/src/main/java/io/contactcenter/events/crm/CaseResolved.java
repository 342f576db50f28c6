package io.contactcenter.events.crm;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** {@code case.resolved}: done; {@code withinSla} feeds the partner's SLA record and the reports. */
@RegisterForReflection
public record CaseResolved(@NotBlank String caseId, @NotBlank String customerId, String partnerId, boolean withinSla, @NotNull Instant resolvedAt) {
}
