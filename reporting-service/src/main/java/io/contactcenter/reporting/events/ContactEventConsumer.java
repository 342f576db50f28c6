package io.contactcenter.reporting.events;

import io.contactcenter.events.outbox.Inbox;
import io.contactcenter.reporting.realtime.RealtimeService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Every {@code cc.contacts} event, once, into the read model. */
@ApplicationScoped
public class ContactEventConsumer {

    static final String CONSUMER = "reporting.contacts";

    private final Inbox inbox;
    private final RealtimeService realtime;

    public ContactEventConsumer(Inbox inbox, RealtimeService realtime) {
        this.inbox = inbox;
        this.realtime = realtime;
    }

    @Incoming("contacts")
    public Uni<Void> onContactEvent(String record) {
        return inbox.consume(CONSUMER, record, realtime::apply).replaceWithVoid();
    }
}
