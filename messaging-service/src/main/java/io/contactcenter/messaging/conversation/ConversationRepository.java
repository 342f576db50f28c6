package io.contactcenter.messaging.conversation;

import static io.contactcenter.events.sql.Sql.utc;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** SQL of conversations, openings and messages; every write runs on the caller's transaction. */
@ApplicationScoped
public class ConversationRepository {

    /** The channel every replica listens on; payloads are described in {@code stream.Hub} and {@code stream.Notices}. */
    public static final String NOTIFY_CHANNEL = "cc_messaging";

    private static final String MESSAGE = "select m.*, d.status as delivery from msg_message m"
            + " left join msg_delivery d on d.message_id = m.id";

    public Uni<Void> insert(SqlClient tx, ConversationRow c) {
        return tx.preparedQuery("insert into msg_conversation (id, channel, status, token_hash, customer_id,"
                        + " display_name, email, phone, queue_id, contact_id, subject, opened_at, last_activity_at,"
                        + " created_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $12)")
                .execute(Tuple.from(Arrays.asList(c.id(), c.channel().name(), c.status().name(), c.tokenHash(),
                        c.customerId(), c.displayName(), c.email(), c.phone(), c.queueId(), c.contactId(), c.subject(),
                        utc(c.openedAt()))))
                .chain(() -> opening(tx, c.contactId(), c.id(), c.openedAt()));
    }

    private Uni<Void> opening(SqlClient tx, String contactId, String conversationId, Instant at) {
        return tx.preparedQuery("insert into msg_opening (contact_id, conversation_id, opened_at) values ($1, $2, $3)")
                .execute(Tuple.of(contactId, conversationId, utc(at))).replaceWithVoid();
    }

    public Uni<ConversationRow> find(SqlClient client, String id) {
        return one(client.preparedQuery("select * from msg_conversation where id = $1").execute(Tuple.of(id)));
    }

    /** Locks the conversation for the rest of the transaction: its messages' order and status change one at a time. */
    public Uni<ConversationRow> lock(SqlClient tx, String id) {
        return one(tx.preparedQuery("select * from msg_conversation where id = $1 for update").execute(Tuple.of(id)));
    }

    /** The conversation whose current or earlier opening is routing contact {@code contactId}, locked. */
    public Uni<ConversationRow> lockByContact(SqlClient tx, String contactId) {
        return one(tx.preparedQuery("select c.* from msg_opening o join msg_conversation c on c.id = o.conversation_id"
                + " where o.contact_id = $1 for update of c").execute(Tuple.of(contactId)));
    }

    public Uni<List<ConversationRow>> assignedTo(SqlClient client, String agentId) {
        return many(client.preparedQuery("select * from msg_conversation where agent_id = $1 and status = 'ASSIGNED'"
                + " order by opened_at").execute(Tuple.of(agentId)));
    }

    /** Open conversations quiet since {@code before}, locked and skipped by other replicas' sweeps, oldest first. */
    public Uni<List<ConversationRow>> lockIdle(SqlClient tx, Instant before, int limit) {
        // those already closing come again: routing is asked to complete them until it has (it may have been down)
        return many(tx.preparedQuery("select * from msg_conversation where status <> 'CLOSED'"
                + " and last_activity_at < $1 order by last_activity_at limit $2 for update skip locked")
                .execute(Tuple.of(utc(before), limit)));
    }

    /** Writes the mutable part of a locked row. */
    public Uni<Void> update(SqlClient tx, ConversationRow c) {
        return tx.preparedQuery("update msg_conversation set status = $2, agent_id = $3, last_agent_id = $4,"
                        + " position = $5, ewt_seconds = $6, first_response_at = $7, last_activity_at = $8,"
                        + " closed_at = $9, close_reason = $10, closing_reason = $11, last_seq = $12, queue_id = $13,"
                        + " contact_id = $14, openings = $15, opened_at = $16 where id = $1")
                .execute(Tuple.from(Arrays.asList(c.id(), c.status().name(), c.agentId(), c.lastAgentId(),
                        c.position(), c.ewtSeconds(), utc(c.firstResponseAt()), utc(c.lastActivityAt()),
                        utc(c.closedAt()), c.closeReason(), c.closingReason(), c.lastSeq(), c.queueId(),
                        c.contactId(), c.openings(), utc(c.openedAt()))))
                .replaceWithVoid();
    }

    /** A new opening of a closed conversation: routing contact {@code contactId} from now on. */
    public Uni<Void> reopen(SqlClient tx, ConversationRow reopened) {
        return update(tx, reopened).chain(() -> opening(tx, reopened.contactId(), reopened.id(), reopened.openedAt()));
    }

    public Uni<Void> insertMessage(SqlClient tx, MessageRow m) {
        return tx.preparedQuery("insert into msg_message (conversation_id, seq, id, contact_id, direction, author, body,"
                        + " client_id, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
                .execute(Tuple.from(Arrays.asList(m.conversationId(), m.seq(), m.id(), m.contactId(), m.direction(),
                        m.author(), m.body(), m.clientId(), utc(m.createdAt()))))
                .replaceWithVoid();
    }

    /** Queues an OUT message for its provider: it leaves when the deliverer next passes. */
    public Uni<Void> insertDelivery(SqlClient tx, MessageRow m, String channel, String recipient) {
        return tx.preparedQuery("insert into msg_delivery (message_id, conversation_id, channel, recipient, status,"
                        + " next_attempt_at, updated_at) values ($1, $2, $3, $4, 'PENDING', $5, $5)")
                .execute(Tuple.of(m.id(), m.conversationId(), channel, recipient, utc(m.createdAt())))
                .replaceWithVoid();
    }

    /** The conversation one of these Message-IDs belongs to (the nearest first), locked; null if none. */
    public Uni<ConversationRow> lockByThread(SqlClient tx, List<String> refs) {
        if (refs.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        return one(tx.preparedQuery("select c.* from msg_thread_ref r join msg_conversation c on c.id = r.conversation_id"
                + " where r.message_ref = any($1) order by array_position($1, r.message_ref) limit 1 for update of c")
                .execute(Tuple.of(refs.toArray(String[]::new))));
    }

    /** Files a Message-ID under its conversation; a repeat changes nothing. */
    public Uni<Void> addThreadRef(SqlClient tx, String ref, String conversationId) {
        return tx.preparedQuery("insert into msg_thread_ref (message_ref, conversation_id) values ($1, $2)"
                + " on conflict (message_ref) do nothing").execute(Tuple.of(ref, conversationId)).replaceWithVoid();
    }

    /** The thread's Message-IDs, oldest first, for a reply's References header. */
    public Uni<List<String>> threadRefs(SqlClient client, String conversationId) {
        return client.preparedQuery("select message_ref from msg_thread_ref where conversation_id = $1 order by filed")
                .execute(Tuple.of(conversationId))
                .map(rows -> {
                    List<String> out = new ArrayList<>();
                    rows.forEach(r -> out.add(r.getString("message_ref")));
                    return out;
                });
    }

    /** The newest SMS conversation with {@code phone}, locked. */
    public Uni<ConversationRow> lockLatestSms(SqlClient tx, String phone) {
        return one(tx.preparedQuery("select * from msg_conversation where channel = 'SMS' and phone = $1"
                + " order by last_activity_at desc limit 1 for update").execute(Tuple.of(phone)));
    }

    /** Serialises work on one customer address (two SMS arriving at once must not open two conversations). */
    public Uni<Void> lockAddress(SqlClient tx, String address) {
        return tx.preparedQuery("select pg_advisory_xact_lock(hashtextextended($1, 7))").execute(Tuple.of(address))
                .replaceWithVoid();
    }

    /** Records an opt-out or opt-in keyword; true if it changed anything. */
    public Uni<Boolean> setOptOut(SqlClient tx, String channel, String address, boolean optedOut, String keyword, Instant at) {
        return tx.preparedQuery("insert into msg_opt_out (channel, address, opted_out, keyword, changed_at)"
                        + " values ($1, $2, $3, $4, $5) on conflict (channel, address) do update set opted_out = $3,"
                        + " keyword = $4, changed_at = $5 where msg_opt_out.opted_out <> $3")
                .execute(Tuple.of(channel, address, optedOut, keyword, utc(at)))
                .map(rows -> rows.rowCount() > 0);
    }

    /** The message a sender already stored under its own id, if any (a retried post). */
    public Uni<MessageRow> messageByClientId(SqlClient client, String conversationId, String clientId) {
        if (clientId == null) {
            return Uni.createFrom().nullItem();
        }
        return client.preparedQuery(MESSAGE + " where m.conversation_id = $1 and m.client_id = $2")
                .execute(Tuple.of(conversationId, clientId))
                .map(rows -> rows.iterator().hasNext() ? MessageRow.of(rows.iterator().next()) : null);
    }

    public Uni<MessageRow> message(SqlClient client, String conversationId, long seq) {
        return client.preparedQuery(MESSAGE + " where m.conversation_id = $1 and m.seq = $2")
                .execute(Tuple.of(conversationId, seq))
                .map(rows -> rows.iterator().hasNext() ? MessageRow.of(rows.iterator().next()) : null);
    }

    /** Messages after {@code afterSeq}, oldest first, at most {@code limit}. */
    public Uni<List<MessageRow>> messages(SqlClient client, String conversationId, long afterSeq, int limit) {
        return client.preparedQuery(MESSAGE + " where m.conversation_id = $1 and m.seq > $2 order by m.seq limit $3")
                .execute(Tuple.of(conversationId, afterSeq, limit))
                .map(rows -> {
                    List<MessageRow> out = new ArrayList<>();
                    rows.forEach(r -> out.add(MessageRow.of(r)));
                    return out;
                });
    }

    private static Uni<ConversationRow> one(Uni<RowSet<Row>> rows) {
        return rows.map(set -> set.iterator().hasNext() ? ConversationRow.of(set.iterator().next()) : null);
    }

    private static Uni<List<ConversationRow>> many(Uni<RowSet<Row>> rows) {
        return rows.map(set -> {
            List<ConversationRow> out = new ArrayList<>();
            set.forEach(r -> out.add(ConversationRow.of(r)));
            return out;
        });
    }

}
