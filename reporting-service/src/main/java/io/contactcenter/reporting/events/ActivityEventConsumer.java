package io.contactcenter.reporting.events;

import io.contactcenter.events.outbox.Inbox;
import io.contactcenter.reporting.activity.ActivityProjector;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** {@code cc.callbacks}, {@code cc.crm}, {@code cc.ivr}, {@code cc.voice} and {@code cc.messaging}, each event once; one transaction per poll. */
@ApplicationScoped
public class ActivityEventConsumer {

    static final String CALLBACKS = "reporting.callbacks";
    static final String CRM = "reporting.crm";
    static final String IVR = "reporting.ivr";
    static final String VOICE = "reporting.voice";
    static final String MESSAGING = "reporting.messaging";

    private final Inbox inbox;
    private final Pool pool;
    private final ActivityProjector projector;

    public ActivityEventConsumer(Inbox inbox, Pool pool, ActivityProjector projector) {
        this.inbox = inbox;
        this.pool = pool;
        this.projector = projector;
    }

    @Incoming("callbacks")
    public Uni<Void> onCallbacks(List<String> records) {
        return inbox.consumeBatch(CALLBACKS, records, pool, projector::apply).replaceWithVoid();
    }

    @Incoming("crm")
    public Uni<Void> onCrm(List<String> records) {
        return inbox.consumeBatch(CRM, records, pool, projector::apply).replaceWithVoid();
    }

    @Incoming("ivr")
    public Uni<Void> onIvr(List<String> records) {
        return inbox.consumeBatch(IVR, records, pool, projector::apply).replaceWithVoid();
    }

    @Incoming("messaging")
    public Uni<Void> onMessaging(List<String> records) {
        return inbox.consumeBatch(MESSAGING, records, pool, projector::apply).replaceWithVoid();
    }

    @Incoming("voice")
    public Uni<Void> onVoice(List<String> records) {
        return inbox.consumeBatch(VOICE, records, pool, projector::apply).replaceWithVoid();
    }
}
