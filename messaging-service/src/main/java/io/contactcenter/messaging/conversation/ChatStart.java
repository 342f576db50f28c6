package io.contactcenter.messaging.conversation;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The widget's pre-chat form: a name, an e-mail address or a phone number (either identifies the customer in the
 * CRM), the queue the page names (optional) and the first message (optional).
 */
public record ChatStart(
        @NotBlank(message = "tell us your name") @Size(max = 100) String name,
        @Email(message = "must be an e-mail address like ann@example.com") @Size(max = 320) String email,
        @Size(max = 32) String phone,
        @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "letters, digits, '.', '_' or '-', at most 64") String queue,
        @Size(max = 300) String subject,
        @Size(max = 4000) String text,
        @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "letters, digits, '.', '_' or '-', at most 64") String clientId) {
}
