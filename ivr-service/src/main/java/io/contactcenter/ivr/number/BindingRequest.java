package io.contactcenter.ivr.number;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

public record BindingRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}",
                message = "must be 1-64 letters, digits, '-' or '_'") String flowId) {
}
