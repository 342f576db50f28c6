package io.contactcenter.messaging.delivery;

/** A provider refused a message for good (a bad number or address, a blocked recipient): retrying cannot help. */
public final class Refused extends RuntimeException {
    public Refused(String message) {
        super(message);
    }
}
