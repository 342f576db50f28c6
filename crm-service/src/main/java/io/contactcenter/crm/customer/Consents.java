package io.contactcenter.crm.customer;

/**
 * What the customer agreed to. {@code doNotCall} stops every outbound call (automatic callbacks included);
 * {@code recording} false means calls must not be recorded. {@code doNotText} (read-only) is the customer's own SMS
 * opt-out: set by their STOP and cleared by their START, never by a write through this API.
 */
public record Consents(boolean doNotCall, boolean marketing, boolean recording, Boolean doNotText) {

    /** No outbound block, no marketing, recording allowed (the usual announcement applies). */
    public static final Consents DEFAULT = new Consents(false, false, true, null);

    public Consents(boolean doNotCall, boolean marketing, boolean recording) {
        this(doNotCall, marketing, recording, null);
    }
}
