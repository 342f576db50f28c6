package io.contactcenter.crm.interaction;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /crm/interactions/{id}/wrap-up}: a disposition code of {@code cc.crm.dispositions} and notes. */
public record WrapUpRequest(
        @NotBlank(message = "choose a disposition code (GET /crm/dispositions lists them)") @Size(max = 32) String disposition,
        @Size(max = 4000, message = "notes are at most 4000 characters") String notes) {
}
