package io.contactcenter.messaging.sms;

import static io.contactcenter.events.sql.Sql.utc;

import io.contactcenter.messaging.conversation.ConversationService;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Set;

/**
 * Status callbacks of sent parts. A message is DELIVERED when all its parts are, FAILED (with a note to the agent) as
 * soon as one is undelivered or failed. Callbacks come in any order and may repeat: a part's status only moves forward.
 */
@ApplicationScoped
public class DeliveryStatus {

    private static final Set<String> FAILED = Set.of("failed", "undelivered");

    private final Pool pool;
    private final io.contactcenter.messaging.stream.Notices notices;
    private final ConversationService conversations;
    private final Clock clock;

    public DeliveryStatus(Pool pool, ConversationService conversations, Clock clock,
            io.contactcenter.messaging.stream.Notices notices) {
        this.pool = pool;
        this.notices = notices;
        this.conversations = conversations;
        this.clock = clock;
    }

    public Uni<Void> update(String providerId, String providerStatus, String errorCode) {
        String status = providerStatus.toLowerCase(java.util.Locale.ROOT);
        String part = FAILED.contains(status) ? "FAILED" : "delivered".equals(status) ? "DELIVERED" : null;
        if (part == null) {
            return Uni.createFrom().voidItem(); // queued, sending, sent: nothing new for the agent
        }
        return notices.transaction(tx -> tx.preparedQuery("update msg_delivery_part set status = $2, error = $3,"
                        + " updated_at = $4 where provider_id = $1 and status not in ('DELIVERED', 'FAILED') returning message_id")
                .execute(Tuple.of(providerId, part, errorCode, utc(clock.instant())))
                .chain(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Uni.createFrom().voidItem(); // unknown, or already final
                    }
                    String messageId = rows.iterator().next().getString("message_id");
                    return tx.preparedQuery("update msg_delivery d set status = case when exists (select 1 from"
                                    + " msg_delivery_part p where p.message_id = d.message_id and p.status = 'FAILED') then 'FAILED'"
                                    + " when not exists (select 1 from msg_delivery_part p where p.message_id = d.message_id"
                                    + " and p.status <> 'DELIVERED') then 'DELIVERED' else d.status end, updated_at = $2"
                                    + " where d.message_id = $1 and d.status in ('SENT', 'PENDING')"
                                    + " returning d.status, d.conversation_id, (select seq from msg_message where id = $1) as seq,"
                                    + " (select agent_id from msg_conversation where id = d.conversation_id) as agent_id")
                            .execute(Tuple.of(messageId, utc(clock.instant())))
                            .chain(updated -> {
                                if (!updated.iterator().hasNext()) {
                                    return Uni.createFrom().voidItem();
                                }
                                var r = updated.iterator().next();
                                Uni<Void> note = "FAILED".equals(r.getString("status"))
                                        ? conversations.systemNote(tx, r.getString("conversation_id"),
                                                "Not delivered by SMS (provider error " + (errorCode == null ? "unknown" : errorCode) + ").")
                                        : Uni.createFrom().voidItem();
                                return note.chain(() -> conversations.messageChanged(tx, r.getString("conversation_id"),
                                        r.getString("agent_id"), r.getLong("seq")));
                            });
                }));
    }
}
