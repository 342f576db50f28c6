package io.contactcenter.callback;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.contactcenter.devstack.Eventually;
import io.contactcenter.devstack.KafkaProbe;
import io.contactcenter.devstack.Tokens;
import io.contactcenter.events.Channel;
import io.contactcenter.events.CloudEvent;
import io.contactcenter.events.EventCodec;
import io.contactcenter.events.EventTypes;
import io.contactcenter.events.Topics;
import io.contactcenter.events.contact.ContactAbandoned;
import io.contactcenter.events.contact.ContactArrived;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** contact.abandoned on the real broker → at most one automatic callback, by the queue's policy. */
@QuarkusTest
@CallbackStack
class AbandonedReturnTest {

    private static final String SUPERVISOR = Tokens.bearer("supervisor");

    @Inject
    EventCodec codec;

    @Test
    void anAbandonedCallPastTheMinimumWaitIsReturnedExactlyOnce() {
        String queue = CallbackFixtures.queue(3, true, 20, 3);
        String phone = CallbackFixtures.phone();
        String contact = call(phone, queue);
        CloudEvent abandoned = codec.create(EventTypes.CONTACT_ABANDONED, contact,
                new ContactAbandoned(contact, queue, 45, 3, Instant.now()));
        KafkaProbe.send(Topics.CONTACTS, contact, codec.write(abandoned));
        KafkaProbe.send(Topics.CONTACTS, contact, codec.write(abandoned)); // redelivered
        Eventually.await("a callback for the abandoned call", Duration.ofSeconds(15), Duration.ofMillis(200),
                () -> callbacks(queue).size() == 1);
        assertThat(collectFor(queue, Duration.ofSeconds(2))).hasSize(1);
        given().header("Authorization", SUPERVISOR).queryParam("queue", queue).when().get("/callbacks")
                .then().body("[0].origin", equalTo("abandoned"))
                .body("[0].parentContactId", equalTo(contact))
                .body("[0].phone", equalTo(phone));
    }

    @Test
    void shortAbandonsAndNumbersOverTheDailyCapAreNotReturned() {
        String queue = CallbackFixtures.queue(3, true, 20, 1);
        String phone = CallbackFixtures.phone();
        String shortOne = call(phone, queue);
        abandon(shortOne, queue, 5);
        String first = call(phone, queue);
        abandon(first, queue, 60);
        Eventually.await("one callback", Duration.ofSeconds(15), Duration.ofMillis(200), () -> callbacks(queue).size() == 1);
        // the first return is used up: completing it is not needed, the cap counts callbacks created today
        given().header("Authorization", SUPERVISOR).when().delete("/callbacks/" + callbacks(queue).get(0));
        String second = call(phone, queue);
        abandon(second, queue, 60);
        assertThat(collectFor(queue, Duration.ofSeconds(3))).hasSize(1);
    }

    @Test
    void callingAgainCancelsThePendingReturn() {
        String queue = CallbackFixtures.queue(3, true, 20, 3);
        String phone = CallbackFixtures.phone();
        String contact = call(phone, queue);
        abandon(contact, queue, 90);
        Eventually.await("a callback", Duration.ofSeconds(15), Duration.ofMillis(200), () -> callbacks(queue).size() == 1);
        String id = callbacks(queue).get(0);
        try (KafkaProbe events = KafkaProbe.tail(Topics.CALLBACKS)) {
            call(phone, "another-queue");
            Eventually.await("cancelled", Duration.ofSeconds(15), Duration.ofMillis(200), () -> "CANCELLED".equals(
                    given().header("Authorization", SUPERVISOR).when().get("/callbacks/" + id).then().extract().path("status")));
            assertThat(events.await(r -> r.key().equals(id) && r.value().contains("customer-called-back"),
                    Duration.ofSeconds(10))).hasSize(1);
        }
    }

    private String call(String phone, String queue) {
        String contact = "in-" + UUID.randomUUID();
        KafkaProbe.send(Topics.CONTACTS, contact, codec.write(codec.create(EventTypes.CONTACT_ARRIVED, contact,
                new ContactArrived(contact, Channel.VOICE, phone, "+4940555000", Instant.now()))));
        return contact;
    }

    private void abandon(String contact, String queue, double wait) {
        KafkaProbe.send(Topics.CONTACTS, contact, codec.write(codec.create(EventTypes.CONTACT_ABANDONED, contact,
                new ContactAbandoned(contact, queue, wait, 2, Instant.now()))));
    }

    private static List<String> callbacks(String queue) {
        return given().header("Authorization", SUPERVISOR).queryParam("queue", queue).when().get("/callbacks")
                .then().statusCode(200).extract().path("callbackId");
    }

    private static List<String> collectFor(String queue, Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return callbacks(queue);
    }
}
