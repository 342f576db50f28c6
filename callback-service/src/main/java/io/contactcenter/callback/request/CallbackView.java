package io.contactcenter.callback.request;

import java.time.Instant;
import java.util.List;

/**
 * A callback as the API shows it. {@code status}: SCHEDULED (waiting for {@code dueAt}), QUEUED (in routing, waiting
 * for an agent), DIALING (an agent took it, the edge dials), COMPLETED, FAILED ({@code failureReason}) or CANCELLED.
 */
public record CallbackView(String callbackId, String phone, String queueId, String origin, String parentContactId,
        String status, int attempts, Instant dueAt, Instant windowStart, Instant windowEnd, String timeZone,
        String lastOutcome, String failureReason, Instant createdAt, Instant updatedAt, List<Attempt> attemptHistory) {

    public record Attempt(int attempt, String contactId, Instant dueAt, Instant enqueuedAt, Instant dialingAt,
            String agentId, String outcome, Instant endedAt) {
    }
}
