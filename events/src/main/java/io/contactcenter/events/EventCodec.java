package io.contactcenter.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;

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

    /** A new event with a random id, stamped now by the injected clock. */
    public CloudEvent create(String type, String subject, Object data) {
        EventTypes.topicOf(type); // fail fast on a type no topic accepts
        return new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), source, type,
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
}
