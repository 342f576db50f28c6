package io.contactcenter.messaging.sms;

import io.smallrye.mutiny.Uni;

/** Where SMS leave: a provider's API. {@link TwilioSms} is the first adapter. */
public interface SmsProvider {

    /** Whether sending is configured at all. */
    boolean enabled();

    /**
     * Sends one provider message and returns the provider's id for it (fails with {@code Refused} when the provider refuses it for good); status callbacks for it go to
     * {@code statusCallback} (null: none).
     */
    Uni<String> send(String to, String text, String statusCallback);
}
