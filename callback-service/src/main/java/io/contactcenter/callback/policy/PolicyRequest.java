package io.contactcenter.callback.policy;

import io.contactcenter.events.calendar.Hours;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * How a queue returns calls: attempts and spacing (minimum interval × backoff^(attempt − 1)), a daily cap per
 * number, the minimum wait before an abandoned call earns an automatic callback (short abandons are skipped), the
 * queue's IANA zone, and the calling hours: local times evaluated on the customer's own clock, with holidays (dates
 * on which nobody is called). Without calling hours: 08:00–20:00 every day.
 */
public record PolicyRequest(
        @Min(1) @Max(10) int maxAttempts,
        @Min(30) @Max(86_400) int minRetryIntervalSeconds,
        @DecimalMin("1.0") @DecimalMax("10.0") Double backoffMultiplier,
        @Min(1) @Max(20) int maxPerNumberPerDay,
        @Min(0) @Max(3_600) int minAbandonWaitSeconds,
        boolean autoReturnAbandoned,
        @NotBlank @ValidZone String timeZone,
        @Valid CallingHours callingHours) {

    /** Weekly calling ranges and holidays; the zone comes from whoever is called. */
    public record CallingHours(Map<DayOfWeek, List<Hours.@Valid Range>> weekly,
            @Size(max = 366) List<LocalDate> holidays) {
    }
}
