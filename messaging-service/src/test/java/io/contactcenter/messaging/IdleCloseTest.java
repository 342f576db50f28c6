package io.contactcenter.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.contactcenter.devstack.Eventually;
import io.contactcenter.devstack.KafkaProbe;
import io.contactcenter.devstack.Tokens;
import io.contactcenter.events.EventCodec;
import io.contactcenter.events.EventTypes;
import io.contactcenter.events.Topics;
import io.contactcenter.events.contact.ContactAnswered;
import io.contactcenter.events.contact.ContactCompleted;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Conversations nobody writes in are closed after the idle timeout (3 s here); the customer's next message reopens. */
@QuarkusTest
@MessagingStack
@TestProfile(IdleCloseTest.ShortIdle.class)
class IdleCloseTest {

    public static class ShortIdle implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cc.messaging.idle-timeout", "PT3S");
        }
    }

    @Inject
    EventCodec codec;

    @Test
    void aQuietWaitingChatLeavesRoutingAndOneWithAnAgentClosesWhenRoutingCompletesIt() {
        try (KafkaProbe commands = KafkaProbe.tail(Topics.ROUTING_COMMANDS)) {
            var waiting = start("quiet.waiter@example.com");
            String id = waiting.getString("conversationId");
            String contact = contactOf(id);
            var cancel = commands.await(r -> r.key().equals(contact) && r.value().contains(EventTypes.ROUTING_CANCEL),
                    Duration.ofSeconds(15));
            assertThat(cancel.get(0).value()).contains("\"reason\":\"idle\"");
            given().header("Authorization", Tokens.bearer("supervisor")).get("/messaging/conversations/" + id)
                    .then().body("status", equalTo("CLOSED")).body("closeReason", equalTo("IDLE"));
        }

        // with an agent: routing is asked to complete it (no routing here: asked again each pass); routing's completion closes it IDLE
        var held = start("quiet.talker@example.com");
        String id = held.getString("conversationId");
        String contact = contactOf(id);
        KafkaProbe.send(Topics.CONTACTS, contact, codec.write(codec.create(EventTypes.CONTACT_ANSWERED, contact,
                new ContactAnswered(contact, "chat", "ida", 1, Instant.now()))));
        Eventually.await("assigned", Duration.ofSeconds(10), Duration.ofMillis(100), () -> "ASSIGNED".equals(
                given().header("Authorization", Tokens.bearer("supervisor")).get("/messaging/conversations/" + id)
                        .then().extract().path("status")));
        try {
            Thread.sleep(4000); // past the idle timeout: the sweep marks it closing
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        given().header("Authorization", Tokens.bearer("supervisor")).get("/messaging/conversations/" + id)
                .then().body("status", equalTo("ASSIGNED"));
        KafkaProbe.send(Topics.CONTACTS, contact, codec.write(codec.create(EventTypes.CONTACT_COMPLETED, contact,
                new ContactCompleted(contact, "chat", "ida", 5, 0, 0, Instant.now()))));
        Eventually.await("closed idle", Duration.ofSeconds(10), Duration.ofMillis(100), () -> "IDLE".equals(
                given().header("Authorization", Tokens.bearer("supervisor")).get("/messaging/conversations/" + id)
                        .then().extract().path("closeReason")));

        // the customer writes again: open again, waiting for the same agent
        given().header("X-Chat-Token", held.getString("token")).contentType("application/json").body("{\"text\":\"Still there?\"}")
                .post("/messaging/chat/conversations/" + id + "/messages").then().statusCode(201);
        given().header("Authorization", Tokens.bearer("supervisor")).get("/messaging/conversations/" + id)
                .then().body("status", equalTo("QUEUED")).body("openings", equalTo(2));
    }

    private static io.restassured.path.json.JsonPath start(String email) {
        return given().contentType("application/json").body(Map.of("name", "Quiet", "email", email, "text", "hello?"))
                .post("/messaging/chat/conversations").then().statusCode(201).extract().jsonPath();
    }

    private static String contactOf(String id) {
        return given().header("Authorization", Tokens.bearer("supervisor")).get("/messaging/conversations/" + id)
                .then().extract().path("contactId");
    }
}
