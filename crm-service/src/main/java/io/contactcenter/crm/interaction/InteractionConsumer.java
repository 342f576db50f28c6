package io.contactcenter.crm.interaction;

import io.contactcenter.events.outbox.Inbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The topics the history is built from; each poll is one inbox transaction, each event counts once. */
@ApplicationScoped
public class InteractionConsumer {

    private final Inbox inbox;
    private final Pool pool;
    private final InteractionProjector projector;

    public InteractionConsumer(Inbox inbox, Pool pool, InteractionProjector projector) {
        this.inbox = inbox;
        this.pool = pool;
        this.projector = projector;
    }

    @Incoming("contacts")
    public Uni<Void> onContacts(List<String> records) {
        return inbox.consumeBatch("crm.contacts", records, pool, projector::apply).replaceWithVoid();
    }

    @Incoming("callbacks")
    public Uni<Void> onCallbacks(List<String> records) {
        return inbox.consumeBatch("crm.callbacks", records, pool, projector::apply).replaceWithVoid();
    }

    @Incoming("messaging")
    public Uni<Void> onMessaging(List<String> records) {
        return inbox.consumeBatch("crm.messaging", records, pool, projector::apply).replaceWithVoid();
    }

    @Incoming("ivr")
    public Uni<Void> onIvr(List<String> records) {
        return inbox.consumeBatch("crm.ivr", records, pool, projector::apply).replaceWithVoid();
    }
}
