package io.contactcenter.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EventTypesTest {

    @Test
    void everyEventTypeMapsToADeclaredTopic() throws Exception {
        Set<String> topics = java.util.stream.Stream.concat(Topics.ALL.stream(), Topics.INTERNAL.stream())
                .map(Topics.Spec::name).collect(Collectors.toSet());
        for (Field f : EventTypes.class.getDeclaredFields()) {
            if (Modifier.isPublic(f.getModifiers()) && f.getType() == String.class) {
                assertThat(topics).as(f.getName()).contains(EventTypes.topicOf((String) f.get(null)));
            }
        }
    }

    @Test
    void routesTypesByFamily() {
        assertThat(EventTypes.topicOf(EventTypes.CONTACT_QUEUED)).isEqualTo(Topics.CONTACTS);
        assertThat(EventTypes.topicOf(EventTypes.ROUTING_ENQUEUE)).isEqualTo(Topics.ROUTING_COMMANDS);
        assertThat(EventTypes.topicOf(EventTypes.CASE_OPENED)).isEqualTo(Topics.CRM);
        assertThatThrownBy(() -> EventTypes.topicOf("contact.queued")).hasMessageContaining("unknown event type");
    }

    @Test
    void topicNamesAreUnique() {
        assertThat(Topics.ALL.stream().map(Topics.Spec::name).distinct().count()).isEqualTo(Topics.ALL.size());
        assertThat(Topics.ALL).allMatch(t -> t.partitions() > 0);
    }
}
