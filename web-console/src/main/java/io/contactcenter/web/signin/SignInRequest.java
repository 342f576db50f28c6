package io.contactcenter.web.signin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** Body of the dev sign-in: who (the token's subject, e.g. the agent id) and in which role. */
public record SignInRequest(
        @NotBlank(message = "enter a user name") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._@-]{0,63}",
                message = "letters, digits, '.', '_', '@' or '-', at most 64") String user,
        @NotBlank(message = "choose a role") @Pattern(regexp = "agent|supervisor|admin",
                message = "the pages sign in as agent, supervisor or admin") String role) {
}
