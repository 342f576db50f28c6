package io.contactcenter.events.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.time.Instant;

/**
 * The application's mapper reads instants with {@link UtcInstantDeserializer}. Jackson prefers the deserializers of the
 * module registered last, so this customizer runs last (below Quarkus's own, which registers the JSR-310 module).
 */
@Singleton
public class EventJsonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(module());
    }

    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    /** The module itself, for mappers built outside CDI (benchmarks, tests). */
    public static SimpleModule module() {
        return new SimpleModule("contact-center-instants").addDeserializer(Instant.class, new UtcInstantDeserializer());
    }
}
