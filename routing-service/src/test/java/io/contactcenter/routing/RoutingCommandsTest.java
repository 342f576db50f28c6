package io.contactcenter.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.contactcenter.devstack.Eventually;
import io.contactcenter.devstack.KafkaProbe;
import io.contactcenter.events.Channel;
import io.contactcenter.events.EventCodec;
import io.contactcenter.events.EventTypes;
import io.contactcenter.events.Topics;
import io.contactcenter.events.routing.CancelCommand;
import io.contactcenter.events.routing.EnqueueCommand;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Commands from the IVR and callback services over the real broker. */
@QuarkusTest
@RoutingStack
class RoutingCommandsTest {

    @Inject
    EventCodec codec;

    @Test
    void cancelTakesAWaitingContactOutOnce() {
        String q = AcdFlowTest.queue("{}");
        String id = "cmd-" + UUID.randomUUID();
        try (KafkaProbe events = KafkaProbe.tail(Topics.CONTACTS)) {
            send(EventTypes.ROUTING_ENQUEUE, id, new EnqueueCommand(id, q, Channel.VOICE, 1, Map.of(),
                    Map.of("ivrPath", "main>billing"), null, null, null));
            Eventually.await(id + " queued", Duration.ofSeconds(15), Duration.ofMillis(100),
                    () -> Fixtures.contact(id).extract().statusCode() == 200);
            send(EventTypes.ROUTING_CANCEL, id, new CancelCommand(id, "callback-handoff"));
            assertThat(events.await(r -> id.equals(r.key()) && r.value().contains(EventTypes.CONTACT_CANCELLED),
                    Duration.ofSeconds(15))).hasSize(1);
            Fixtures.contact(id).body("state", equalTo("CANCELLED")).body("outcomeDetail", equalTo("callback-handoff"));
            // a second cancel, or one for a contact that does not exist, changes nothing
            send(EventTypes.ROUTING_CANCEL, id, new CancelCommand(id, "again"));
            send(EventTypes.ROUTING_CANCEL, "nobody", new CancelCommand("nobody", "x"));
            assertThat(events.collect(r -> id.equals(r.key()) && r.value().contains(EventTypes.CONTACT_CANCELLED),
                    Duration.ofSeconds(2))).hasSize(1);
        }
    }

    @Test
    void cancelBecauseTheCallerHungUpIsRecordedAsAnAbandon() {
        String q = AcdFlowTest.queue("{}");
        String id = "cmd-" + UUID.randomUUID();
        try (KafkaProbe events = KafkaProbe.tail(Topics.CONTACTS)) {
            send(EventTypes.ROUTING_ENQUEUE, id, new EnqueueCommand(id, q, Channel.VOICE, 1, Map.of(), Map.of(), null,
                    null, null));
            Eventually.await(id + " queued", Duration.ofSeconds(15), Duration.ofMillis(100),
                    () -> Fixtures.contact(id).extract().statusCode() == 200);
            send(EventTypes.ROUTING_CANCEL, id, new CancelCommand(id, CancelCommand.CALLER_HUNG_UP));
            assertThat(events.await(r -> id.equals(r.key()) && r.value().contains(EventTypes.CONTACT_ABANDONED),
                    Duration.ofSeconds(15))).hasSize(1);
            Fixtures.contact(id).body("state", equalTo("ABANDONED"));
            assertThat(events.collect(r -> id.equals(r.key()) && r.value().contains(EventTypes.CONTACT_CANCELLED),
                    Duration.ofSeconds(1))).isEmpty();
        }
    }

    @Test
    void enqueueForAnUnknownQueueIsSkippedAndLaterCommandsFlow() {
        String q = AcdFlowTest.queue("{}");
        String lost = "cmd-" + UUID.randomUUID();
        String fine = "cmd-" + UUID.randomUUID();
        try (KafkaProbe events = KafkaProbe.tail(Topics.CONTACTS)) {
            send(EventTypes.ROUTING_ENQUEUE, lost, new EnqueueCommand(lost, "no-such-queue", Channel.VOICE, 1, null,
                    null, null, null, null));
            send(EventTypes.ROUTING_ENQUEUE, fine, new EnqueueCommand(fine, q, Channel.VOICE, 1, null, null, null,
                    null, null));
            assertThat(events.await(r -> fine.equals(r.key()), Duration.ofSeconds(15))).hasSize(1);
            // the sender learns that the contact never entered routing
            var refused = events.await(r -> lost.equals(r.key()), Duration.ofSeconds(15));
            assertThat(refused).hasSize(1);
            assertThat(refused.get(0).value()).contains(EventTypes.CONTACT_CANCELLED).contains("rejected: No queue with id 'no-such-queue'");
        }
        Fixtures.contact(lost).statusCode(404);
    }

    private void send(String type, String key, Object data) {
        KafkaProbe.send(Topics.ROUTING_COMMANDS, key, codec.write(codec.create(type, key, data)));
    }
}
