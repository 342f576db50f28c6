package io.contactcenter.reporting.events;

import io.contactcenter.events.outbox.Inbox;
import io.contactcenter.reporting.realtime.RealtimeService;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Every {@code cc.contacts} event, once, into the read model; one transaction per poll. */
@ApplicationScoped
public class ContactEventConsumer {

    static final String CONSUMER = "reporting.contacts";

    private final Inbox inbox;
    private final Pool pool;
    private final RealtimeService realtime;

    public ContactEventConsumer(Inbox inbox, Pool pool, RealtimeService realtime) {
        this.inbox = inbox;
        this.pool = pool;
        this.realtime = realtime;
    }

    @Incoming("contacts")
    public Uni<Void> onContactEvents(List<String> records) {
        return inbox.consumeBatch(CONSUMER, records, pool, realtime::apply).replaceWithVoid();
    }
}
