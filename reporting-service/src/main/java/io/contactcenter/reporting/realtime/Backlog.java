package io.contactcenter.reporting.realtime;

/**
 * Work not yet done across the center: contacts waiting in any queue, callback requests not yet ended, cases not yet
 * resolved or cancelled, and of those the ones past their SLA due time.
 */
public record Backlog(long waitingContacts, long scheduledCallbacks, long openCases, long overdueCases) {

    public long total() {
        return waitingContacts + scheduledCallbacks + openCases;
    }
}
