package io.contactcenter.reporting;

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
import io.contactcenter.events.contact.ContactQueued;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Reporting's contact stream decodes a poll without JSON trees; a record it parks must still carry the record, so an
 * operator can replay it like any other service's dead letter.
 */
@QuarkusTest
@ReportingStack
class ContactDeadLetterTest {

    private static final String CONSUMER = "reporting.contacts";

    @Inject
    EventCodec codec;

    @Test
    void poisonContactEventIsParkedWithItsRecordAndCanBeReplayed() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String key = "dl-" + run;
        Instant now = Instant.now();
        // a queue id PostgreSQL refuses to store (NUL): it fails however often it is tried
        CloudEvent poison = codec.create(EventTypes.CONTACT_QUEUED, key, new ContactQueued(key, "dl-\u0000-" + run,
                Channel.VOICE, 1, now, now, Map.of(), 1, null));
        String goodQueue = "dl-ok-" + run;
        String good = "dl-good-" + run;
        CloudEvent next = codec.create(EventTypes.CONTACT_QUEUED, good, new ContactQueued(good, goodQueue, Channel.VOICE, 1,
                now, now, Map.of(), 1, null));
        KafkaProbe.send(Topics.CONTACTS, key, codec.write(poison));
        KafkaProbe.send(Topics.CONTACTS, key, codec.write(next)); // same key: same partition, behind the poison

        Eventually.await("the event behind the poison is ingested", Duration.ofSeconds(30), Duration.ofMillis(300),
                () -> Integer.valueOf(1).equals(given().header("Authorization", Tokens.bearer("supervisor"))
                        .when().get("/reports/realtime/queues/" + goodQueue).then().extract().path("waiting")));
        Eventually.await("the poison is parked", Duration.ofSeconds(30), Duration.ofMillis(300),
                () -> given().header("Authorization", Tokens.bearer("admin")).queryParam("consumer", CONSUMER)
                        .when().get("/admin/dead-letters").then().extract()
                        .<Integer>path("find { it.eventId == '" + poison.id() + "' }.attempts") != null);
        Integer bytes = given().header("Authorization", Tokens.bearer("admin")).queryParam("consumer", CONSUMER)
                .when().get("/admin/dead-letters").then().statusCode(200)
                .body("find { it.eventId == '" + poison.id() + "' }.topic", equalTo(Topics.CONTACTS))
                .extract().path("find { it.eventId == '" + poison.id() + "' }.payloadBytes");
        assertThat(bytes).as("the parked record's size").isNotNull().isPositive();

        try (KafkaProbe contacts = KafkaProbe.tail(Topics.CONTACTS)) {
            given().header("Authorization", Tokens.bearer("admin"))
                    .when().post("/admin/dead-letters/" + CONSUMER + "/" + poison.id() + "/replay")
                    .then().statusCode(200).body("replays", equalTo(1));
            List<?> again = contacts.await(r -> r.value().contains(poison.id()), Duration.ofSeconds(15));
            assertThat(again).as("the very record back on its topic").hasSize(1);
        }
    }
}
