package io.contactcenter.messaging.conversation;

import static io.contactcenter.events.sql.Sql.instant;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;

/**
 * A row of {@code msg_message}: IN from the customer, OUT from an agent, SYSTEM from the service. {@code delivery} is
 * where an OUT message that leaves by SMS or e-mail stands (PENDING, SENT, DELIVERED, FAILED, BLOCKED), else null.
 */
public record MessageRow(String conversationId, long seq, String id, String contactId, String direction,
        String author, String body, String clientId, Instant createdAt, String delivery) {

    static MessageRow of(Row r) {
        return new MessageRow(r.getString("conversation_id"), r.getLong("seq"), r.getString("id"),
                r.getString("contact_id"), r.getString("direction"), r.getString("author"), r.getString("body"),
                r.getString("client_id"), instant(r, "created_at"),
                r.getColumnIndex("delivery") >= 0 ? r.getString("delivery") : null);
    }
}
