package io.contactcenter.events.notify;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/**
 * A message for a partner or a customer about something of theirs ({@code subjectId}: a case, a callback). It
 * carries ids and a status, never PII: the adapter (SMS gateway, e-mail service) resolves the address itself.
 * {@code url} overrides where a webhook goes.
 */
@RegisterForReflection
public record Notification(String kind, Recipient recipient, String recipientId, String subjectId, String status,
        Instant at, String url) {

    public enum Recipient { PARTNER, CUSTOMER }
}
