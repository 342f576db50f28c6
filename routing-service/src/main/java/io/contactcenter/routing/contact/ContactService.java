package io.contactcenter.routing.contact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.events.EventTypes;
import io.contactcenter.events.contact.ContactQueued;
import io.contactcenter.events.outbox.Outbox;
import io.contactcenter.events.routing.EnqueueCommand;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** Accepts contacts into routing and announces them; one transaction for the row and its event. */
@ApplicationScoped
public class ContactService {

    private static final TypeReference<Map<String, String>> ATTRIBUTES = new TypeReference<>() { };
    private static final TypeReference<Map<String, Integer>> SKILLS = new TypeReference<>() { };

    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final Clock clock;

    public ContactService(Outbox outbox, ObjectMapper mapper, Clock clock) {
        this.outbox = outbox;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Enqueues the contact; a repeated command for a known contact id returns the existing contact unchanged. */
    @WithTransaction
    public Uni<Enqueued> enqueue(EnqueueCommand command) {
        return enqueueInCurrentTransaction(command);
    }

    /** For consumers that already opened the transaction (inbox claim + work commit together). */
    public Uni<Enqueued> enqueueInCurrentTransaction(EnqueueCommand command) {
        return Contact.<Contact>findById(command.contactId()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(new Enqueued(view(existing), false));
            }
            Instant now = clock.instant();
            Contact c = new Contact();
            c.id = command.contactId();
            c.queueId = command.queueId();
            c.channel = command.channel();
            c.priority = command.priority();
            c.state = ContactState.QUEUED;
            c.attributes = json(command.attributes());
            c.requiredSkills = json(command.requiredSkills());
            c.parentContactId = command.parentContactId();
            c.queuedAt = now;
            // a callback that keeps its place counts from the original entry, never from the future
            c.virtualStartTime = command.virtualStartTime() != null && command.virtualStartTime().isBefore(now)
                    ? command.virtualStartTime()
                    : now;
            ContactQueued event = new ContactQueued(c.id, c.queueId, c.channel, c.priority, c.queuedAt,
                    c.virtualStartTime, command.attributes() == null ? Map.of() : command.attributes());
            return c.<Contact>persist()
                    .chain(saved -> outbox.publish(EventTypes.CONTACT_QUEUED, saved.id, event))
                    .replaceWith(() -> new Enqueued(view(c), true));
        });
    }

    @WithSession
    public Uni<ContactView> find(String contactId) {
        return Contact.<Contact>findById(contactId).map(c -> c == null ? null : view(c));
    }

    /** Result of an enqueue: the contact and whether this call created it. */
    public record Enqueued(ContactView contact, boolean created) {
    }

    private ContactView view(Contact c) {
        return new ContactView(c.id, c.queueId, c.channel, c.priority, c.state, c.queuedAt, c.virtualStartTime,
                read(c.attributes, ATTRIBUTES), read(c.requiredSkills, SKILLS), c.parentContactId);
    }

    private String json(Object value) {
        try {
            return value == null ? null : mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return json == null ? null : mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
