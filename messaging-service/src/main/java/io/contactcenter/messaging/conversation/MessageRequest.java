package io.contactcenter.messaging.conversation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A message to post. {@code clientId} is the sender's own id for it: a post retried after a lost answer finds the
 * stored message instead of storing it twice.
 */
public record MessageRequest(
        @NotBlank(message = "write something") @Size(max = 4000) String text,
        @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "letters, digits, '.', '_' or '-', at most 64") String clientId) {
}
