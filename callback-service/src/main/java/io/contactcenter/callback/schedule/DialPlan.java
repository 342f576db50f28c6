package io.contactcenter.callback.schedule;

import io.contactcenter.events.calendar.Hours;
import java.time.Duration;
import java.time.Instant;

/**
 * When to dial. A dial is allowed only inside the customer's window and inside the queue's calling hours evaluated on
 * the customer's own clock (IANA zone, so DST moves nothing), never on a holiday. Retries wait at least
 * {@code minRetryInterval × backoff^(attempts − 1)} after the last attempt.
 */
public record DialPlan(Hours callingHours, int maxAttempts, Duration minRetryInterval, double backoff) {

    /** The first dial: the earliest allowed instant from {@code now} (or the window's start); empty: never. */
    public Decision first(Instant now, Instant windowStart, Instant windowEnd) {
        Instant from = now.isAfter(windowStart) ? now : windowStart;
        Instant due = callingHours.nextOpen(from, windowEnd);
        return due == null ? Decision.giveUp("window-closed") : Decision.at(due);
    }

    /** After an attempt that did not reach the customer. */
    public Decision retry(int attemptsMade, Instant lastAttemptAt, Instant windowStart, Instant windowEnd) {
        if (attemptsMade >= maxAttempts) {
            return Decision.giveUp("max-attempts");
        }
        double factor = Math.pow(backoff, Math.max(0, attemptsMade - 1));
        Instant earliest = lastAttemptAt.plusMillis((long) (minRetryInterval.toMillis() * factor));
        Instant from = earliest.isAfter(windowStart) ? earliest : windowStart;
        Instant due = callingHours.nextOpen(from, windowEnd);
        return due == null ? Decision.giveUp("window-closed") : Decision.at(due);
    }

    /** Either a due time or the reason there is none. */
    public record Decision(Instant due, String giveUpReason) {

        static Decision at(Instant due) {
            return new Decision(due, null);
        }

        static Decision giveUp(String reason) {
            return new Decision(null, reason);
        }

        public boolean scheduled() {
            return due != null;
        }
    }
}
