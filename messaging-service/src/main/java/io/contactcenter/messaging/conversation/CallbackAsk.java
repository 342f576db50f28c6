package io.contactcenter.messaging.conversation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;

/** A chat customer asks to be called back: at once, or in a window on their clock ({@code timeZone}, IANA). */
public record CallbackAsk(@NotBlank(message = "give the number to call") @Size(max = 32) String phone,
        LocalDateTime windowStart, LocalDateTime windowEnd, @Size(max = 64) String timeZone) {
}
