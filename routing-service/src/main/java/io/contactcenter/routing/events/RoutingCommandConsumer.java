package io.contactcenter.routing.events;

import io.contactcenter.events.CloudEvent;
import io.contactcenter.events.EventCodec;
import io.contactcenter.events.EventTypes;
import io.contactcenter.events.outbox.Inbox;
import io.contactcenter.events.routing.EnqueueCommand;
import io.contactcenter.routing.contact.ContactService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
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
    private final EventCodec codec;
    private final ContactService contacts;
    private final Validator validator;

    public RoutingCommandConsumer(Inbox inbox, EventCodec codec, ContactService contacts, Validator validator) {
        this.inbox = inbox;
        this.codec = codec;
        this.contacts = contacts;
        this.validator = validator;
    }

    @Incoming("routing-commands")
    public Uni<Void> onCommand(String record) {
        return inbox.consume(CONSUMER, record, this::handle).replaceWithVoid();
    }

    private Uni<?> handle(CloudEvent event) {
        if (EventTypes.ROUTING_ENQUEUE.equals(event.type())) {
            EnqueueCommand command = codec.data(event, EnqueueCommand.class);
            Set<ConstraintViolation<EnqueueCommand>> violations = validator.validate(command);
            if (!violations.isEmpty()) {
                // a bad command can never succeed; record it and move on rather than block the partition
                LOG.errorf("rejected %s %s: %s", event.type(), event.id(), violations.stream()
                        .map(v -> v.getPropertyPath() + " " + v.getMessage()).collect(Collectors.joining(", ")));
                return Uni.createFrom().voidItem();
            }
            return contacts.enqueueInCurrentTransaction(command);
        }
        LOG.debugf("ignoring command type %s", event.type());
        return Uni.createFrom().voidItem();
    }
}
