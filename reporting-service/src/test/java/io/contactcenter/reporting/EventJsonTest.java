package io.contactcenter.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import io.contactcenter.events.json.UtcInstantDeserializer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The application's mapper, as Quarkus builds it, reads instants with the events module's fast deserializer. */
@QuarkusTest
@ReportingStack
class EventJsonTest {

    @Inject
    ObjectMapper mapper;

    @Test
    void applicationMapperReadsInstantsWithTheEventsDeserializer() throws Exception {
        var context = ((DefaultDeserializationContext) mapper.getDeserializationContext())
                .createInstance(mapper.getDeserializationConfig(), null, null);
        assertThat(context.findRootValueDeserializer(mapper.constructType(Instant.class)))
                .isInstanceOf(UtcInstantDeserializer.class);
        assertThat(mapper.readValue("\"2026-12-02T15:00:08.119963947Z\"", Instant.class))
                .isEqualTo(Instant.parse("2026-12-02T15:00:08.119963947Z"));
        assertThat(mapper.readValue("\"2026-12-02T16:00:08+01:00\"", Instant.class))
                .isEqualTo(Instant.parse("2026-12-02T15:00:08Z"));
    }
}
