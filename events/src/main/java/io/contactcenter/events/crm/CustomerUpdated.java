package io.contactcenter.events.crm;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import java.util.List;

/** {@code customer.updated}: names of the changed fields only; PII never travels in events. */
@RegisterForReflection
public record CustomerUpdated(@NotBlank String customerId, List<String> changedFields) {
}
