package io.contactcenter.reporting.events;

import io.contactcenter.events.outbox.Inbox;
import io.contactcenter.reporting.realtime.ContactIngest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Every {@code cc.contacts} event, once, into the read model; one transaction and a few set-wise statements per poll. */
@ApplicationScoped
public class ContactEventConsumer {

    static final String CONSUMER = "reporting.contacts";

    private final Inbox inbox;
    private final Pool pool;
    private final ContactIngest ingest;

    public ContactEventConsumer(Inbox inbox, Pool pool, ContactIngest ingest) {
        this.inbox = inbox;
        this.pool = pool;
        this.ingest = ingest;
    }

    @Incoming("contacts")
    public Uni<Void> onContactEvents(List<String> records) {
        return inbox.consumeAll(CONSUMER, records, pool,
                (events, tx) -> ingest.applyAll(events, tx, e -> inbox.rejected(CONSUMER, e))).replaceWithVoid();
    }
}
