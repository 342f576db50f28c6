package io.contactcenter.messaging.events;

import io.contactcenter.events.CloudEvent;
import io.contactcenter.events.EventCodec;
import io.contactcenter.events.EventTypes;
import io.contactcenter.events.contact.ContactAbandoned;
import io.contactcenter.events.contact.ContactAnswered;
import io.contactcenter.events.contact.ContactCancelled;
import io.contactcenter.events.contact.ContactCompleted;
import io.contactcenter.events.contact.ContactQueued;
import io.contactcenter.events.contact.ContactTransferred;
import io.contactcenter.events.outbox.Inbox;
import io.contactcenter.events.Channel;
import io.contactcenter.messaging.conversation.ConversationService;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * What routing did with the conversations' contacts ({@code cc.contacts}), each event once: queued (position and
 * wait), answered (the agent), transferred, completed or gone. Events of other contacts change nothing.
 */
@ApplicationScoped
public class ContactEventConsumer {

    static final String CONSUMER = "messaging.contacts";

    /** Voice contacts are never conversations: their events are skipped without a database look-up. */
    private static final Set<Channel> CHANNELS = Set.of(Channel.CHAT, Channel.SMS, Channel.EMAIL, Channel.WEB);

    private final Inbox inbox;
    private final Pool pool;
    private final EventCodec codec;
    private final ConversationService conversations;
    private final io.contactcenter.messaging.stream.Notices notices;

    public ContactEventConsumer(Inbox inbox, Pool pool, EventCodec codec, ConversationService conversations,
            io.contactcenter.messaging.stream.Notices notices) {
        this.notices = notices;
        this.inbox = inbox;
        this.pool = pool;
        this.codec = codec;
        this.conversations = conversations;
    }

    @Incoming("contacts")
    public Uni<Void> onContacts(List<String> records) {
        // the transactions the inbox ran (a retried batch runs another): their status notices go out once one committed
        java.util.Set<Object> used = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        return inbox.consumeBatch(CONSUMER, records, pool, (event, tx) -> {
                    synchronized (used) {
                        used.add(tx);
                    }
                    return apply(event, tx);
                })
                .invoke(() -> notices.committed(List.copyOf(used)))
                .onFailure().invoke(() -> notices.discard(List.copyOf(used)))
                .replaceWithVoid();
    }

    Uni<?> apply(CloudEvent event, SqlClient tx) {
        return switch (event.type()) {
            case EventTypes.CONTACT_QUEUED -> {
                ContactQueued q = codec.data(event, ContactQueued.class);
                yield CHANNELS.contains(q.channel())
                        ? conversations.queued(tx, q.contactId(), q.queueId(), q.position(), q.estimatedWaitSeconds())
                        : Uni.createFrom().voidItem();
            }
            case EventTypes.CONTACT_ANSWERED -> {
                ContactAnswered a = codec.data(event, ContactAnswered.class);
                yield conversations.answered(tx, a.contactId(), a.agentId());
            }
            case EventTypes.CONTACT_TRANSFERRED -> {
                ContactTransferred t = codec.data(event, ContactTransferred.class);
                yield conversations.queued(tx, t.contactId(), t.toQueueId(), null, null);
            }
            case EventTypes.CONTACT_COMPLETED -> {
                ContactCompleted c = codec.data(event, ContactCompleted.class);
                yield conversations.ended(tx, c.contactId(), "RESOLVED", c.completedAt());
            }
            case EventTypes.CONTACT_ABANDONED -> {
                ContactAbandoned a = codec.data(event, ContactAbandoned.class);
                yield conversations.ended(tx, a.contactId(), "LEFT", a.abandonedAt());
            }
            case EventTypes.CONTACT_CANCELLED -> {
                ContactCancelled c = codec.data(event, ContactCancelled.class);
                yield conversations.ended(tx, c.contactId(), "CANCELLED", c.cancelledAt());
            }
            default -> Uni.createFrom().voidItem();
        };
    }
}
