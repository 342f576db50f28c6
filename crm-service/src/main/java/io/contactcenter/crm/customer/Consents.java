package io.contactcenter.crm.customer;

/**
 * What the customer agreed to. {@code doNotCall} stops every outbound call (automatic callbacks included);
 * {@code recording} false means calls must not be recorded.
 */
public record Consents(boolean doNotCall, boolean marketing, boolean recording) {

    /** No outbound block, no marketing, recording allowed (the usual announcement applies). */
    public static final Consents DEFAULT = new Consents(false, false, true);
}
