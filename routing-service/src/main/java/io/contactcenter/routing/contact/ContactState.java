package io.contactcenter.routing.contact;

/**
 * Routing's view of a contact's life. COMPLETED, ABANDONED, CANCELLED and OVERFLOWED (voicemail, callback,
 * message and hang up: see the outcome) are terminal and reached exactly once.
 */
public enum ContactState {
    QUEUED, OFFERED, CONNECTED, COMPLETED, ABANDONED, CANCELLED, OVERFLOWED;

    public boolean terminal() {
        return this == COMPLETED || this == ABANDONED || this == CANCELLED || this == OVERFLOWED;
    }
}
