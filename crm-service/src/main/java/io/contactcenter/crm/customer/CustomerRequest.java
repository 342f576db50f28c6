package io.contactcenter.crm.customer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * Create or replace a customer. Phones may be national numbers when {@code region} (ISO 3166 alpha-2) says
 * where; they are stored in E.164. {@code attributes} holds what the business knows beyond the fixed
 * fields (last purchase, website visits, car and tyre brand), as JSON values.
 */
public record CustomerRequest(
        @NotBlank @Size(max = 200) String displayName,
        @Email @Size(max = 320) String email,
        @Pattern(regexp = "[a-z]{2}(-[A-Z]{2})?", message = "must be a language tag like 'en' or 'de-CH'") String language,
        @NotNull Segment segment,
        @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9_-]*", message = "must be a tier name like 'GOLD'") String loyaltyTier,
        @NotEmpty @Size(max = 10) List<@NotBlank @Size(max = 32) String> phones,
        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 alpha-2 region like 'DE'") String region,
        @Valid Consents consents,
        @Size(max = 50, message = "at most 50 attributes") Map<@NotBlank @Size(max = 64) String, Object> attributes) {

    public Consents consentsOrDefault() {
        return consents == null ? Consents.DEFAULT : consents;
    }

    public Map<String, Object> attributesOrEmpty() {
        return attributes == null ? Map.of() : attributes;
    }
}
