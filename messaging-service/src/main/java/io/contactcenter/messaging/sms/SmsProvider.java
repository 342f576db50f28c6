package io.contactcenter.messaging.sms;

import io.smallrye.mutiny.Uni;

/** Where SMS leave: a provider's API. {@link TwilioSms} is the first adapter. */
public interface SmsProvider {

    /** Thrown for a send the provider refused for good (bad number, blocked): retrying cannot help. */
    final class Rejected extends RuntimeException {
        public Rejected(String message) {
            super(message);
        }
    }

    /** Whether sending is configured at all. */
    boolean enabled();

    /**
     * Sends one provider message and returns the provider's id for it; status callbacks for it go to
     * {@code statusCallback} (null: none).
     */
    Uni<String> send(String to, String text, String statusCallback);
}
