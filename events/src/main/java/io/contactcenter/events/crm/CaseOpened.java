package io.contactcenter.events.crm;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** {@code case.opened}: a service request was registered; category, priority and SLA, never the customer's words. */
@RegisterForReflection
public record CaseOpened(@NotBlank String caseId, @NotBlank String customerId, String contactId, @NotBlank String category,
        @NotBlank String priority, @NotNull Instant slaDueAt, @NotNull Instant openedAt) {
}
