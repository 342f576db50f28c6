package io.contactcenter.reporting.metrics;

import java.time.Instant;

/**
 * One contact's visit to a queue as reporting knows it. A contact counts as offered in the interval in which
 * it entered the queue ({@code offeredAt}), whatever happens to it later.
 *
 * @param outcome ANSWERED (answered, maybe completed), ABANDONED, or null while still waiting / overflowed
 * @param waitSeconds time from entry to answer or to hang-up
 * @param handleSeconds talk + hold + wrap-up once completed, else null
 */
public record ContactRecord(String contactId, Instant offeredAt, String outcome, Double waitSeconds,
        Double handleSeconds, int transfers) {

    public boolean answered() {
        return "ANSWERED".equals(outcome);
    }

    public boolean abandoned() {
        return "ABANDONED".equals(outcome);
    }
}
