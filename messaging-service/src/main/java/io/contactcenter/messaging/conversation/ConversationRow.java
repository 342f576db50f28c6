package io.contactcenter.messaging.conversation;

import static io.contactcenter.events.sql.Sql.instant;

import io.contactcenter.events.Channel;
import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;

/** A row of {@code msg_conversation}. */
public record ConversationRow(String id, Channel channel, Status status, String tokenHash, String customerId,
        String displayName, String email, String phone, String queueId, String contactId, int openings, String agentId,
        String lastAgentId, String subject, Integer position, Double ewtSeconds, Instant openedAt,
        Instant firstResponseAt, Instant lastActivityAt, Instant closedAt, String closeReason, String closingReason,
        long lastSeq) {

    public enum Status { QUEUED, ASSIGNED, CLOSED }

    static ConversationRow of(Row r) {
        return new ConversationRow(r.getString("id"), Channel.valueOf(r.getString("channel")),
                Status.valueOf(r.getString("status")), r.getString("token_hash"), r.getString("customer_id"),
                r.getString("display_name"), r.getString("email"), r.getString("phone"), r.getString("queue_id"),
                r.getString("contact_id"), r.getInteger("openings"), r.getString("agent_id"),
                r.getString("last_agent_id"), r.getString("subject"), r.getInteger("position"),
                r.getDouble("ewt_seconds"), instant(r, "opened_at"), instant(r, "first_response_at"),
                instant(r, "last_activity_at"), instant(r, "closed_at"), r.getString("close_reason"),
                r.getString("closing_reason"), r.getLong("last_seq"));
    }

    public boolean closed() {
        return status == Status.CLOSED;
    }

    /** How the customer is named to the agent and in the CRM timeline. */
    public String customerLabel() {
        return displayName != null ? displayName : email != null ? email : phone;
    }

    ConversationRow assigned(String agent) {
        return new ConversationRow(id, channel, Status.ASSIGNED, tokenHash, customerId, displayName, email, phone,
                queueId, contactId, openings, agent, agent, subject, null, null, openedAt, firstResponseAt,
                lastActivityAt, closedAt, closeReason, closingReason, lastSeq);
    }

    ConversationRow queued(String queue, Integer pos, Double ewt) {
        return new ConversationRow(id, channel, Status.QUEUED, tokenHash, customerId, displayName, email, phone,
                queue, contactId, openings, null, lastAgentId, subject, pos, ewt, openedAt, firstResponseAt,
                lastActivityAt, closedAt, closeReason, closingReason, lastSeq);
    }

    ConversationRow closed(String reason, Instant at) {
        return new ConversationRow(id, channel, Status.CLOSED, tokenHash, customerId, displayName, email, phone,
                queueId, contactId, openings, null, lastAgentId, subject, null, null, openedAt, firstResponseAt,
                lastActivityAt, at, reason, null, lastSeq);
    }

    ConversationRow closing(String reason) {
        return new ConversationRow(id, channel, status, tokenHash, customerId, displayName, email, phone, queueId,
                contactId, openings, agentId, lastAgentId, subject, position, ewtSeconds, openedAt, firstResponseAt,
                lastActivityAt, closedAt, closeReason, reason, lastSeq);
    }

    /** One more message: the sequence moves on; an agent's first message of this opening is its first response. */
    ConversationRow wrote(long seq, Instant at, boolean agentResponse) {
        return new ConversationRow(id, channel, status, tokenHash, customerId, displayName, email, phone, queueId,
                contactId, openings, agentId, lastAgentId, subject, position, ewtSeconds, openedAt,
                agentResponse && firstResponseAt == null ? at : firstResponseAt, at, closedAt, closeReason,
                closingReason, seq);
    }

    /** A closed conversation opened again as routing contact {@code contact}. */
    ConversationRow reopened(String contact, Instant at) {
        return new ConversationRow(id, channel, Status.QUEUED, tokenHash, customerId, displayName, email, phone,
                queueId, contact, openings + 1, null, lastAgentId, subject, null, null, at, null, at, null, null, null,
                lastSeq);
    }
}
