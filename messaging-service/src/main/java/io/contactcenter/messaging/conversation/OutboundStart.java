package io.contactcenter.messaging.conversation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * A conversation the center starts by SMS: to {@code phone} (E.164), first message {@code text}, into {@code queueId}
 * (default: the SMS queue) with the context that travels with it ({@code attributes}, e.g. what the IVR learned) and the
 * contact it continues ({@code parentContactId}, e.g. the call the IVR deflected).
 */
public record OutboundStart(
        @NotBlank(message = "give the number to text") @Size(max = 32) String phone,
        @NotBlank(message = "write the first message") @Size(max = 4000) String text,
        @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "letters, digits, '.', '_' or '-', at most 64") String queueId,
        @Size(max = 300) String subject,
        @Size(max = 64) String parentContactId,
        @Size(max = 50, message = "at most 50 attributes") Map<@NotBlank @Size(max = 64) String, @Size(max = 1024) String> attributes,
        @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "letters, digits, '.', '_' or '-', at most 64") String clientId) {
}
