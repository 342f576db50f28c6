package io.contactcenter.crm.partner;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A technician or agency. {@code skills} are the product lines it serves; {@code capacity} the open jobs it takes
 * at once; {@code notifyUrl} where the webhook notifier sends its dispatches.
 */
public record PartnerRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull PartnerKind kind,
        @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 64) String> skills,
        @NotBlank @Size(max = 64) String region,
        @NotNull @PositiveOrZero @Max(10_000) Integer capacity,
        Boolean active,
        @Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String notifyUrl) {

    public enum PartnerKind { TECHNICIAN, AGENCY }
}
