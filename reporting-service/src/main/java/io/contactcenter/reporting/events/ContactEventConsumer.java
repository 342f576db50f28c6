package io.contactcenter.reporting.events;

import io.contactcenter.events.Topics;
import io.contactcenter.events.TypedEvent;
import io.contactcenter.events.outbox.DeadLetters;
import io.contactcenter.events.outbox.Inbox;
import io.contactcenter.reporting.realtime.ContactIngest;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
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
    private final Timer decodeTime;
    private final Timer writeTime;
    private final DistributionSummary batchSize;

    public ContactEventConsumer(Inbox inbox, Pool pool, ContactIngest ingest, MeterRegistry registry) {
        this.inbox = inbox;
        this.pool = pool;
        this.ingest = ingest;
        this.decodeTime = Timer.builder("cc.reporting.ingest.time").tag("step", "decode")
                .description("Time a poll of cc.contacts takes by step: decode (worker thread), write (one transaction)")
                .publishPercentileHistogram().register(registry);
        this.writeTime = Timer.builder("cc.reporting.ingest.time").tag("step", "write")
                .publishPercentileHistogram().register(registry);
        this.batchSize = DistributionSummary.builder("cc.reporting.ingest.batch.size")
                .description("Records per poll of cc.contacts").register(registry);
    }

    /**
     * JSON decoding of a 500-record poll takes tens of milliseconds of CPU; done on the event loop it would hold up
     * the HTTP requests (wallboards, real-time reads) sharing that loop, so it runs on a worker thread.
     */
    /**
     * A dead letter keeps its record, so an operator can replay it. The poll is decoded without its JSON trees, so the
     * record is found again by the event id it carries: only when one is parked, which is rare.
     */
    private static DeadLetters.Parked parked(TypedEvent event, List<String> records) {
        String record = records.stream().filter(r -> r.contains(event.id())).findFirst().orElse(null);
        return new DeadLetters.Parked(event.id(), event.type(), event.subject(), Topics.CONTACTS, record);
    }

    @Incoming("contacts")
    public Uni<Void> onContactEvents(List<String> records) {
        batchSize.record(records.size());
        return Uni.createFrom().item(() -> decodeTime.record(
                        () -> ingest.decode(records, problem -> inbox.unreadable(CONSUMER, problem))))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(events -> {
                    Timer.Sample write = Timer.start();
                    return inbox.consumeDecoded(CONSUMER, events, TypedEvent::id, e -> parked(e, records), pool,
                                    (fresh, tx) -> ingest.applyAll(fresh, tx, e -> inbox.rejected(CONSUMER, e.id(), e.type())))
                            .eventually(() -> write.stop(writeTime));
                })
                .replaceWithVoid();
    }
}
