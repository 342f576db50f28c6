package io.contactcenter.reporting.metrics;

import java.time.Instant;

/**
 * One contact's visit to a queue as reporting knows it. A contact counts as offered in the interval in which
 * it entered the queue ({@code offeredAt}), whatever happens to it later.
 *
 * @param outcome ANSWERED (answered, maybe completed), ABANDONED, or null while still waiting / overflowed
 * @param waitSeconds time from entry to answer or to hang-up
 * @param handleSeconds talk + hold + wrap-up once completed, else null
 * @param leftAt when it left the queue (answered, abandoned, overflowed, cancelled), null while waiting
 * @param endedAt when it was done: completed, abandoned, overflowed or cancelled (null while waiting or talking)
 * @param csat the post-call survey score 1–5, null without a survey
 * @param repeated crm-service saw the same customer come back about the same issue within its window
 * @param firstResponseSeconds chat, SMS and e-mail: from the conversation's opening to the agent's first message (null:
 *        a call, or no agent wrote)
 */
public record ContactRecord(String contactId, Instant offeredAt, String outcome, Double waitSeconds,
        Double handleSeconds, int transfers, Instant leftAt, Instant endedAt, Integer csat, boolean repeated,
        Double firstResponseSeconds) {

    public ContactRecord(String contactId, Instant offeredAt, String outcome, Double waitSeconds, Double handleSeconds,
            int transfers, Instant leftAt, Instant endedAt, Integer csat, boolean repeated) {
        this(contactId, offeredAt, outcome, waitSeconds, handleSeconds, transfers, leftAt, endedAt, csat, repeated, null);
    }

    public ContactRecord(String contactId, Instant offeredAt, String outcome, Double waitSeconds, Double handleSeconds,
            int transfers) {
        this(contactId, offeredAt, outcome, waitSeconds, handleSeconds, transfers, null, null, null, false, null);
    }

    public boolean answered() {
        return "ANSWERED".equals(outcome);
    }

    public boolean abandoned() {
        return "ABANDONED".equals(outcome);
    }

    public boolean completed() {
        return handleSeconds != null;
    }

    /** Still in the queue at {@code t}: entered before it and not yet left. */
    public boolean waitingAt(Instant t) {
        return offeredAt.isBefore(t) && (leftAt == null ? outcome == null : leftAt.isAfter(t));
    }
}
