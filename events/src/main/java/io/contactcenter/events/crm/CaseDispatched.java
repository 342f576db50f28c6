package io.contactcenter.events.crm;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** {@code case.dispatched}: a service partner got the case, chosen by capacity or {@code forced} by a supervisor. */
@RegisterForReflection
public record CaseDispatched(@NotBlank String caseId, @NotBlank String partnerId, boolean forced, @NotNull Instant dispatchedAt) {
}
