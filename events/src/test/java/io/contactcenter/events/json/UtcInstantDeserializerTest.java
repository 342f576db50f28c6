package io.contactcenter.events.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UtcInstantDeserializerTest {

    private final ObjectMapper jackson = new ObjectMapper().registerModule(new JavaTimeModule());
    private final ObjectMapper ours = new ObjectMapper().registerModule(new JavaTimeModule())
            .registerModule(EventJsonCustomizer.module());

    private record Stamped(Instant at) {
    }

    @Test
    void readsEveryPrecisionOfUtcInstantsAsJacksonDoes() throws Exception {
        Random random = new Random(42);
        ChronoUnit[] precisions = {ChronoUnit.SECONDS, ChronoUnit.MILLIS, ChronoUnit.MICROS, ChronoUnit.NANOS};
        for (int i = 0; i < 20_000; i++) {
            // year 1 to 9999: every four-digit year, leap days and month ends included by chance
            Instant t = Instant.ofEpochSecond(-62_135_596_800L + (long) (random.nextDouble() * 315_537_897_599L),
                    random.nextInt(1_000_000_000)).truncatedTo(precisions[i % 4]);
            String json = "{\"at\":\"" + t + "\"}";
            assertThat(UtcInstantDeserializer.parse(t.toString())).as(t.toString()).isEqualTo(t);
            assertThat(ours.readValue(json, Stamped.class)).isEqualTo(jackson.readValue(json, Stamped.class));
        }
    }

    @Test
    void readsFractionsOfAnyLengthUpToNanoseconds() {
        assertThat(UtcInstantDeserializer.parse("2026-02-28T23:59:59.1Z")).isEqualTo(Instant.parse("2026-02-28T23:59:59.100Z"));
        assertThat(UtcInstantDeserializer.parse("2024-02-29T00:00:00.12345Z"))
                .isEqualTo(Instant.parse("2024-02-29T00:00:00.123450Z"));
        assertThat(UtcInstantDeserializer.parse("2026-12-02T15:00:08.119963947Z"))
                .isEqualTo(Instant.parse("2026-12-02T15:00:08.119963947Z"));
    }

    @Test
    void leavesEveryOtherFormToJackson() throws Exception {
        for (String other : new String[] {"2026-12-02T16:00:08+01:00", "2026-12-02T15:00:08.Z", "2026-12-02T15:00Z",
                "+12026-12-02T15:00:08Z", "2026-12-02 15:00:08Z", "2026-12-02T15:00:08.1234567891Z", " 2026-12-02T15:00:08Z",
                "2026-02-29T00:00:00Z", "2026-12-02T24:00:00Z", "2026-13-02T15:00:08Z", "2026-1a-02T15:00:08Z"}) {
            assertThat(UtcInstantDeserializer.parse(other)).as(other).isNull();
        }
        String offset = "{\"at\":\"2026-12-02T16:00:08+01:00\"}";
        assertThat(ours.readValue(offset, Stamped.class)).isEqualTo(jackson.readValue(offset, Stamped.class))
                .isEqualTo(new Stamped(Instant.parse("2026-12-02T15:00:08Z")));
        String epoch = "{\"at\":1764687608.5}";
        assertThat(ours.readValue(epoch, Stamped.class)).isEqualTo(jackson.readValue(epoch, Stamped.class));
    }

    @Test
    void refusesAnImpossibleDateWithJacksonsOwnError() {
        String json = "{\"at\":\"2026-02-30T10:00:00Z\"}";
        assertThatThrownBy(() -> ours.readValue(json, Stamped.class)).isInstanceOf(InvalidFormatException.class)
                .hasMessageContaining("2026-02-30T10:00:00Z");
        assertThatThrownBy(() -> jackson.readValue(json, Stamped.class)).isInstanceOf(InvalidFormatException.class);
    }
}
