package io.contactcenter.routing.events;

import io.contactcenter.events.CloudEvent;
import io.contactcenter.events.EventCodec;
import io.contactcenter.events.EventTypes;
import io.contactcenter.events.contact.ContactCancelled;
import io.contactcenter.events.outbox.Outbox;
import io.contactcenter.events.sql.Sql;
import java.time.Clock;
import io.contactcenter.events.outbox.Inbox;
import io.contactcenter.events.routing.CancelCommand;
import io.contactcenter.events.routing.EnqueueCommand;
import io.contactcenter.routing.contact.ContactService;
import io.contactcenter.routing.support.Signals;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.NotFoundException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** Commands from the IVR and callback services on {@code cc.routing.commands}, each processed once. */
@ApplicationScoped
public class RoutingCommandConsumer {

    private static final Logger LOG = Logger.getLogger(RoutingCommandConsumer.class);
    static final String CONSUMER = "routing.commands";

    private final Inbox inbox;
    private final Pool pool;
    private final EventCodec codec;
    private final ContactService contacts;
    private final Validator validator;
    private final MeterRegistry registry;
    private final Signals signals;
    private final Outbox outbox;
    private final Clock clock;

    public RoutingCommandConsumer(Inbox inbox, Pool pool, EventCodec codec, ContactService contacts,
            Validator validator, MeterRegistry registry, Signals signals, Outbox outbox, Clock clock) {
        this.inbox = inbox;
        this.pool = pool;
        this.codec = codec;
        this.contacts = contacts;
        this.validator = validator;
        this.registry = registry;
        this.signals = signals;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Batches: one transaction per poll, so enqueue throughput is not one commit per contact. */
    @Incoming("routing-commands")
    public Uni<Void> onCommands(List<String> records) {
        return inbox.consumeBatch(CONSUMER, records, pool, this::handle, signals::wake).replaceWithVoid();
    }

    private Uni<?> handle(CloudEvent event, SqlConnection tx) {
        if (EventTypes.ROUTING_ENQUEUE.equals(event.type())) {
            EnqueueCommand command = codec.data(event, EnqueueCommand.class);
            if (!valid(event, command)) {
                boolean addressable = command.contactId() != null && !command.contactId().isBlank()
                        && command.contactId().length() <= 64;
                return addressable ? refused(tx, command.contactId(), command.queueId(), "invalid enqueue command")
                        : Uni.createFrom().voidItem();
            }
            return contacts.enqueue(tx, command).replaceWithVoid().onFailure(NotFoundException.class).recoverWithUni(e -> {
                // nobody to answer: counted and logged for on-call, and the sender told, so no caller waits for nothing
                reject(event, e.getMessage());
                return refused(tx, command.contactId(), command.queueId(), e.getMessage());
            });
        }
        if (EventTypes.ROUTING_CANCEL.equals(event.type())) {
            CancelCommand command = codec.data(event, CancelCommand.class);
            return valid(event, command) ? contacts.cancel(tx, command.contactId(), command.reason())
                    : Uni.createFrom().voidItem();
        }
        LOG.debugf("ignoring command type %s", event.type());
        return Uni.createFrom().voidItem();
    }

    private <T> boolean valid(CloudEvent event, T command) {
        Set<ConstraintViolation<T>> violations = validator.validate(command);
        if (violations.isEmpty()) {
            return true;
        }
        // a bad command can never succeed; record it and move on rather than block the partition
        reject(event, violations.stream().map(v -> v.getPropertyPath() + " " + v.getMessage())
                .collect(Collectors.joining(", ")));
        return false;
    }

    /**
     * A refused enqueue ends the contact as {@code contact.cancelled} with reason {@code rejected: …}: the IVR or
     * callback-service that sent it takes its fallback instead of waiting for an offer that never comes.
     */
    private Uni<Void> refused(SqlConnection tx, String contactId, String queueId, String why) {
        return outbox.publish(tx, EventTypes.CONTACT_CANCELLED, contactId,
                new ContactCancelled(contactId, queueId, "rejected: " + why, 0, Sql.now(clock))).replaceWithVoid();
    }

    private void reject(CloudEvent event, String why) {
        registry.counter("cc.routing.commands.rejected", "type", event.type()).increment();
        LOG.errorf("rejected %s %s: %s", event.type(), event.id(), why);
    }
}
