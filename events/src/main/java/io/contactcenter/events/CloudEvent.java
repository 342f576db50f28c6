package io.contactcenter.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode ({@code application/cloudevents+json}).
 * {@code subject} is the id of the entity the event is about; it is also the Kafka key, so the
 * events of one entity stay ordered.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(
        @NotBlank String specversion,
        @NotBlank String id,
        @NotBlank String source,
        @NotBlank String type,
        @NotNull Instant time,
        @NotBlank String subject,
        String datacontenttype,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json";

    /** The topic this event travels on, derived from its type. */
    public String topic() {
        return EventTypes.topicOf(type);
    }
}
