package io.contactcenter.routing.contact;

/** Routing's view of a contact's life; terminal states end it exactly once. */
public enum ContactState {
    QUEUED, OFFERED, CONNECTED, WRAP_UP, COMPLETED, ABANDONED, CANCELLED
}
