package io.contactcenter.callback.policy;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * How a queue returns calls: attempts and spacing, a daily cap per number, the minimum wait before an
 * abandoned call earns an automatic callback (short abandons are skipped), and the IANA zone of its hours.
 */
public record PolicyRequest(
        @Min(1) @Max(10) int maxAttempts,
        @Min(30) @Max(86_400) int minRetryIntervalSeconds,
        @Min(1) @Max(20) int maxPerNumberPerDay,
        @Min(0) @Max(3_600) int minAbandonWaitSeconds,
        boolean autoReturnAbandoned,
        @NotBlank @ValidZone String timeZone) {
}
