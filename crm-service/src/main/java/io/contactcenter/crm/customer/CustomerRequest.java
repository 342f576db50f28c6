package io.contactcenter.crm.customer;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Create a customer. Phones may be national numbers when {@code region} (ISO 3166 alpha-2) says where;
 * they are stored in E.164.
 */
public record CustomerRequest(
        @NotBlank @Size(max = 200) String displayName,
        @Email @Size(max = 320) String email,
        @Pattern(regexp = "[a-z]{2}(-[A-Z]{2})?", message = "must be a language tag like 'en' or 'de-CH'") String language,
        @NotNull Segment segment,
        @NotEmpty @Size(max = 10) List<@NotBlank @Size(max = 32) String> phones,
        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 alpha-2 region like 'DE'") String region) {
}
