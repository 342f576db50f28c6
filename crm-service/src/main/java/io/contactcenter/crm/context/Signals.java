package io.contactcenter.crm.context;

/**
 * How the customer's recent contacts went. Windows come from {@code cc.crm.signals}: {@code recent*} and
 * {@code repeatContacts} count in the recent window (default 7 days), {@code transfers} in the history window
 * (default 30 days).
 *
 * @param recentContacts contacts started in the recent window
 * @param repeatContacts contacts in the recent window that repeated an earlier one on the same issue
 * @param recentAbandon the customer gave up waiting at least once in the recent window
 * @param recentLongWait at least one wait in the recent window reached the long-wait threshold
 * @param transfers transfers across the contacts of the history window
 * @param lastCsat the last post-call survey score (1–5), null if none
 */
public record Signals(int recentContacts, int repeatContacts, boolean recentAbandon, boolean recentLongWait,
        int transfers, Integer lastCsat) {
}
