package io.contactcenter.crm.notify;

import java.time.Instant;

/**
 * A message for a partner or a customer about a case. It carries ids and the case status, never PII: the adapter
 * (SMS gateway, e-mail service) resolves the address itself. {@code url} overrides where a webhook goes.
 */
public record Notification(String kind, Recipient recipient, String recipientId, String caseId, String status,
        Instant at, String url) {

    public enum Recipient { PARTNER, CUSTOMER }
}
