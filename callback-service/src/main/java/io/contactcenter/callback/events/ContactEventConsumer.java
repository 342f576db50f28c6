package io.contactcenter.callback.events;

import io.contactcenter.callback.request.ContactFollower;
import io.contactcenter.events.callback.CallbackDialing;
import io.contactcenter.events.outbox.Inbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** {@code cc.contacts}, each event once; dial requests go to the edge only after the batch committed. */
@ApplicationScoped
public class ContactEventConsumer {

    static final String CONSUMER = "callback.contacts";

    private final Inbox inbox;
    private final Pool pool;
    private final ContactFollower follower;

    public ContactEventConsumer(Inbox inbox, Pool pool, ContactFollower follower) {
        this.inbox = inbox;
        this.pool = pool;
        this.follower = follower;
    }

    @Incoming("contacts")
    public Uni<Void> onContacts(List<String> records) {
        // keyed by callback and attempt: a retried batch collects the same dial again, the edge gets it once
        Map<String, CallbackDialing> dials = new ConcurrentHashMap<>();
        return inbox.consumeBatch(CONSUMER, records, pool,
                        (event, tx) -> follower.apply(event, tx, d -> dials.put(d.callbackId() + "#" + d.attempt(), d)))
                .chain(n -> follower.requestDials(List.copyOf(dials.values())));
    }
}
