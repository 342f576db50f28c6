package io.contactcenter.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.contactcenter.devstack.Eventually;
import io.contactcenter.devstack.KafkaProbe;
import io.contactcenter.devstack.Tokens;
import io.contactcenter.events.Channel;
import io.contactcenter.events.CloudEvent;
import io.contactcenter.events.EventCodec;
import io.contactcenter.events.EventTypes;
import io.contactcenter.events.Topics;
import io.contactcenter.events.contact.ContactAbandoned;
import io.contactcenter.events.contact.ContactQueued;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Contact events written to the real broker, folded once each into the PostgreSQL read model. */
@QuarkusTest
@ReportingStack
class RealtimeReadModelTest {

    @Inject
    EventCodec codec;

    @Test
    void countsWaitingAndAbandonedContactsOncePerEventEvenWhenRedelivered() {
        String queue = "q-" + UUID.randomUUID();
        Instant now = Instant.now();
        String a = "a-" + UUID.randomUUID();
        String b = "b-" + UUID.randomUUID();
        CloudEvent queuedA = queued(a, queue, now.minusSeconds(40));
        send(queuedA);
        send(queuedA); // redelivery of the very same event
        send(queued(b, queue, now.minusSeconds(10)));
        send(codec.create(EventTypes.CONTACT_ABANDONED, b, new ContactAbandoned(b, queue, 10.0, 2, now)));

        awaitQueue(queue, "offeredToday", 2);
        // the snapshot is shared for a moment (cc.reporting.realtime.max-age): the abandon may show a read later
        awaitQueue(queue, "abandonedToday", 1);
        given().header("Authorization", Tokens.bearer("supervisor"))
                .when().get("/reports/realtime/queues/" + queue)
                .then().statusCode(200)
                .body("waiting", equalTo(1))
                .body("abandonedToday", equalTo(1))
                .body("answeredToday", equalTo(0))
                .body("longestWaitSeconds", greaterThanOrEqualTo(40.0f));
    }

    @Test
    void unknownQueueIs404Problem() {
        given().header("Authorization", Tokens.bearer("supervisor"))
                .when().get("/reports/realtime/queues/never-seen")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    private CloudEvent queued(String contactId, String queue, Instant at) {
        return codec.create(EventTypes.CONTACT_QUEUED, contactId,
                new ContactQueued(contactId, queue, Channel.VOICE, 1, at, at, Map.of(), 1, null));
    }

    private void send(CloudEvent event) {
        KafkaProbe.send(Topics.CONTACTS, event.subject(), codec.write(event));
    }

    static void awaitQueue(String queue, String field, int expected) {
        Eventually.await("queue " + queue + " shows " + field + "=" + expected, Duration.ofSeconds(20),
                Duration.ofMillis(200), () -> {
                    var response = given().header("Authorization", Tokens.bearer("supervisor"))
                            .when().get("/reports/realtime/queues/" + queue).then().extract();
                    return response.statusCode() == 200 && Integer.valueOf(expected).equals(response.path(field));
                });
    }
}
