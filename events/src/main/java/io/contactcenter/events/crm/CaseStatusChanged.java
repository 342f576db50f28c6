package io.contactcenter.events.crm;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** {@code case.status-changed}: any step of the lifecycle, with the reason when the case is delayed. */
@RegisterForReflection
public record CaseStatusChanged(@NotBlank String caseId, @NotBlank String status, String partnerId, String delayReason, @NotNull Instant changedAt) {
}
