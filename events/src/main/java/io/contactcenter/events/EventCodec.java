package io.contactcenter.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Clock;
import java.util.function.Function;

/** Builds, writes and reads CloudEvents with the application's Jackson mapper. */
@ApplicationScoped
public class EventCodec {

    private final ObjectMapper mapper;
    private final Clock clock;
    private final String source;

    public EventCodec(ObjectMapper mapper, Clock clock,
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.application.name") String appName) {
        this.mapper = mapper;
        this.clock = clock;
        this.source = "/contact-center/" + appName;
    }

    /** A new event with a new time-ordered id ({@link Ids}), stamped now by the injected clock. */
    public CloudEvent create(String type, String subject, Object data) {
        EventTypes.topicOf(type); // fail fast on a type no topic accepts
        return new CloudEvent(CloudEvent.SPEC_VERSION, Ids.newId(), source, type,
                clock.instant(), subject, "application/json", mapper.valueToTree(data));
    }

    public String write(CloudEvent event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise event " + event.id(), e);
        }
    }

    public CloudEvent read(String json) {
        try {
            return mapper.readValue(json, CloudEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a CloudEvent: " + e.getOriginalMessage(), e);
        }
    }

    public <T> T data(CloudEvent event, Class<T> type) {
        try {
            return mapper.treeToValue(event.data(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + event.id() + " has no valid " + type.getSimpleName()
                    + " payload: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads an event in one pass, its payload straight into the class {@code payloadType} names for its type (null:
     * the payload is skipped). A busy consumer saves the JSON tree and the second parse that {@link #read} followed by
     * {@link #data} cost. A payload that does not fit its class is reported in {@link TypedEvent#problem()}.
     *
     * @throws IllegalArgumentException when the record is not a CloudEvent (no id or type, not JSON)
     */
    public TypedEvent readTyped(String json, Function<String, Class<?>> payloadType) {
        String id = null;
        String type = null;
        String subject = null;
        Object data = null;
        TokenBuffer early = null;
        try (JsonParser p = mapper.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a CloudEvent: not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "id" -> id = p.getValueAsString();
                    case "type" -> type = p.getValueAsString();
                    case "subject" -> subject = p.getValueAsString();
                    case "data" -> {
                        if (type == null) {
                            // data before type (our writers put it last; others may not): keep its tokens for later
                            early = TokenBuffer.asCopyOfValue(p);
                        } else {
                            Class<?> target = payloadType.apply(type);
                            if (target == null) {
                                p.skipChildren();
                            } else {
                                data = mapper.readValue(p, target);
                            }
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (id == null || id.isBlank() || type == null || type.isBlank()) {
                throw new IllegalArgumentException("not a CloudEvent: no id or type");
            }
            Class<?> target = early == null ? null : payloadType.apply(type);
            if (target != null) {
                try (JsonParser buffered = early.asParser(mapper)) {
                    data = mapper.readValue(buffered, target);
                }
            }
            return new TypedEvent(id, type, subject, data, null);
        } catch (JsonProcessingException e) {
            // the envelope may be fine and only the payload wrong: the slow path tells which
            CloudEvent event = read(json);
            if (event.id() == null || event.id().isBlank() || event.type() == null || event.type().isBlank()) {
                throw new IllegalArgumentException("not a CloudEvent: no id or type", e);
            }
            Class<?> target = payloadType.apply(event.type());
            try {
                return new TypedEvent(event.id(), event.type(), event.subject(),
                        target == null ? null : mapper.treeToValue(event.data(), target), null);
            } catch (JsonProcessingException bad) {
                return new TypedEvent(event.id(), event.type(), event.subject(), null,
                        "no valid " + target.getSimpleName() + " payload: " + bad.getOriginalMessage());
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("not a CloudEvent: " + e.getMessage(), e);
        }
    }
}
