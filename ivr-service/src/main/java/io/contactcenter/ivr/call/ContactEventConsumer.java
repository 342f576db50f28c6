package io.contactcenter.ivr.call;

import io.contactcenter.events.CloudEvent;
import io.contactcenter.events.EventCodec;
import io.contactcenter.events.EventTypes;
import io.contactcenter.events.contact.ContactAnswered;
import io.contactcenter.events.contact.ContactCancelled;
import io.contactcenter.events.outbox.Inbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Learns from routing when an agent took a caller who waits in the IVR's hold (the next turn bridges the call), or
 * when routing refused the hand-off (the next turn takes the caller elsewhere).
 */
@ApplicationScoped
public class ContactEventConsumer {

    private final Inbox inbox;
    private final Pool pool;
    private final CallService calls;
    private final EventCodec codec;

    public ContactEventConsumer(Inbox inbox, Pool pool, CallService calls, EventCodec codec) {
        this.inbox = inbox;
        this.pool = pool;
        this.calls = calls;
        this.codec = codec;
    }

    @Incoming("contacts")
    public Uni<Void> onContacts(List<String> records) {
        return inbox.consumeBatch("ivr.contacts", records, pool, (CloudEvent e, io.vertx.mutiny.sqlclient.SqlConnection tx) -> {
            if (EventTypes.CONTACT_ANSWERED.equals(e.type())) {
                ContactAnswered a = codec.data(e, ContactAnswered.class);
                return calls.answered(tx, a.contactId(), a.agentId());
            }
            if (EventTypes.CONTACT_CANCELLED.equals(e.type())) {
                ContactCancelled c = codec.data(e, ContactCancelled.class);
                return c.reason().startsWith("rejected") ? calls.refused(tx, c.contactId()) : Uni.createFrom().voidItem();
            }
            return Uni.createFrom().voidItem();
        }).replaceWithVoid();
    }
}
