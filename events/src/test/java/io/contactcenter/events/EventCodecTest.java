package io.contactcenter.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.contactcenter.events.contact.ContactAnswered;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final Instant AT = Instant.parse("2026-03-02T10:15:30.250Z");
    private final EventCodec codec = new EventCodec(MAPPER, Clock.fixed(AT, ZoneOffset.UTC), "codec-test");

    private static Class<?> answeredOnly(String type) {
        return EventTypes.CONTACT_ANSWERED.equals(type) ? ContactAnswered.class : null;
    }

    @Test
    void readsThePayloadStraightIntoItsClassInOnePass() {
        ContactAnswered answered = new ContactAnswered("c1", "support", "alice", 12.5, AT);
        CloudEvent event = codec.create(EventTypes.CONTACT_ANSWERED, "c1", answered);

        TypedEvent typed = codec.readTyped(codec.write(event), EventCodecTest::answeredOnly);

        assertThat(typed).isEqualTo(new TypedEvent(event.id(), EventTypes.CONTACT_ANSWERED, "c1", answered, null));
        // the same payload as the two-step path gives
        assertThat(typed.data()).isEqualTo(codec.data(codec.read(codec.write(event)), ContactAnswered.class));
    }

    @Test
    void readsDataThatComesBeforeTheType() {
        String json = "{\"data\":{\"contactId\":\"c2\",\"queueId\":\"q\",\"agentId\":\"bob\",\"waitSeconds\":3,"
                + "\"answeredAt\":\"2026-03-02T10:00:00Z\"},\"specversion\":\"1.0\",\"id\":\"e2\",\"source\":\"/x\","
                + "\"type\":\"" + EventTypes.CONTACT_ANSWERED + "\",\"time\":\"2026-03-02T10:00:00Z\",\"subject\":\"c2\"}";

        TypedEvent typed = codec.readTyped(json, EventCodecTest::answeredOnly);

        assertThat(typed.id()).isEqualTo("e2");
        assertThat(typed.data()).isEqualTo(new ContactAnswered("c2", "q", "bob", 3, Instant.parse("2026-03-02T10:00:00Z")));
    }

    @Test
    void skipsThePayloadOfTypesTheConsumerIgnores() {
        CloudEvent event = codec.create(EventTypes.CONTACT_ANSWERED, "c3",
                new ContactAnswered("c3", "q", "a", 1, AT));

        TypedEvent typed = codec.readTyped(codec.write(event), type -> null);

        assertThat(typed.data()).isNull();
        assertThat(typed.problem()).isNull();
        assertThat(typed.id()).isEqualTo(event.id());
    }

    @Test
    void namesThePayloadProblemButKeepsTheEnvelopeSoTheEventCanBeClaimedAndSkipped() {
        String json = "{\"specversion\":\"1.0\",\"id\":\"e4\",\"source\":\"/x\",\"type\":\"" + EventTypes.CONTACT_ANSWERED + "\","
                + "\"time\":\"2026-03-02T10:00:00Z\",\"subject\":\"c4\",\"data\":{\"waitSeconds\":\"soon\"}}";

        TypedEvent typed = codec.readTyped(json, EventCodecTest::answeredOnly);

        assertThat(typed.id()).isEqualTo("e4");
        assertThat(typed.data()).isNull();
        assertThat(typed.problem()).contains("ContactAnswered");
    }

    @Test
    void refusesRecordsThatAreNotCloudEvents() {
        assertThatThrownBy(() -> codec.readTyped("not json", EventCodecTest::answeredOnly))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a CloudEvent");
        assertThatThrownBy(() -> codec.readTyped("{\"type\":\"" + EventTypes.CONTACT_ANSWERED + "\"}", EventCodecTest::answeredOnly))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no id or type");
        assertThatThrownBy(() -> codec.readTyped("[1,2]", EventCodecTest::answeredOnly))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a JSON object");
    }
}
