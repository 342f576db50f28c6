package io.contactcenter.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactcenter.devstack.KafkaProbe;
import io.contactcenter.devstack.SseFeed;
import io.contactcenter.devstack.Tokens;
import io.contactcenter.events.EventCodec;
import io.contactcenter.events.EventTypes;
import io.contactcenter.events.Topics;
import io.contactcenter.events.contact.ContactAnswered;
import io.contactcenter.events.contact.ContactCompleted;
import io.contactcenter.events.contact.ContactQueued;
import io.contactcenter.events.Channel;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A web chat through the real broker and database: started from the pre-chat form, handed to routing as a CHAT contact,
 * given to an agent by routing's events, messages both ways over the two streams, then resolved and reopened.
 */
@QuarkusTest
@MessagingStack
class ChatFlowTest {

    @Inject
    EventCodec codec;

    @TestHTTPResource("/")
    URI base;

    @Test
    void aChatReachesRoutingAnAgentAndBackAndReopensOnTheCustomersReply() throws Exception {
        String agent = "ann-" + UUID.randomUUID().toString().substring(0, 8);
        JsonPath started;
        String contactId;
        try (KafkaProbe commands = KafkaProbe.tail(Topics.ROUTING_COMMANDS);
                KafkaProbe messaging = KafkaProbe.tail(Topics.MESSAGING)) {
            started = given().contentType("application/json")
                    .body("""
                            {"name":"Mia Muster","email":"Mia@Example.com","text":"My washer leaks","clientId":"c-1"}""")
                    .when().post("/messaging/chat/conversations")
                    .then().statusCode(201)
                    .body("token", notNullValue())
                    .body("status.status", equalTo("QUEUED"))
                    .extract().jsonPath();
            String conversationId = started.getString("conversationId");
            var enqueue = commands.await(r -> r.value().contains(conversationId), Duration.ofSeconds(10));
            assertThat(enqueue.get(0).value()).contains(EventTypes.ROUTING_ENQUEUE).contains("\"channel\":\"CHAT\"")
                    .contains("\"queueId\":\"chat\"").contains("\"email\":\"mia@example.com\"");
            contactId = enqueue.get(0).key();
            var received = messaging.await(r -> r.value().contains(EventTypes.MESSAGE_RECEIVED)
                    && r.key().equals(conversationId), Duration.ofSeconds(10));
            assertThat(received.get(0).value()).contains("My washer leaks");
        }
        String id = started.getString("conversationId");
        String token = started.getString("token");

        try (SseFeed customer = SseFeed.open(base.resolve("/messaging/chat/conversations/" + id + "/stream"), null,
                Map.of("X-Chat-Token", token))) {
            JsonNode first = customer.next(Duration.ofSeconds(5));
            assertThat(first.path("type").asText()).as(first.toString()).isEqualTo("status");
            JsonNode second = customer.next(Duration.ofSeconds(5));
            assertThat(second.path("message").path("text").asText()).as(second.toString()).isEqualTo("My washer leaks");

            // routing says where it waits, then gives it to the agent
            send(EventTypes.CONTACT_QUEUED, contactId, new ContactQueued(contactId, "chat", Channel.CHAT, 0, Instant.now(),
                    Instant.now(), Map.of(), 3, 95.0));
            JsonNode waiting = until(customer, e -> "status".equals(e.path("type").asText())
                    && e.path("status").path("position").asInt() == 3);
            assertThat(waiting.path("status").path("estimatedWaitSeconds").asDouble()).isEqualTo(95.0);

            try (SseFeed agentFeed = SseFeed.open(base.resolve("/messaging/agents/" + agent + "/stream"),
                    Tokens.agent(agent))) {
                send(EventTypes.CONTACT_ANSWERED, contactId, new ContactAnswered(contactId, "chat", agent, 4.0, Instant.now()));
                until(customer, e -> "ASSIGNED".equals(e.path("status").path("status").asText()));
                until(agentFeed, e -> "conversation".equals(e.path("type").asText())
                        && "ASSIGNED".equals(e.path("conversation").path("status").asText()));

                given().header("Authorization", Tokens.agent(agent)).contentType("application/json")
                        .body("{\"text\":\"Hello Mia, I can help.\",\"clientId\":\"a-1\"}")
                        .when().post("/messaging/conversations/" + id + "/messages")
                        .then().statusCode(201).body("direction", equalTo("OUT")).body("seq", equalTo(2));
                JsonNode reply = until(customer, e -> "message".equals(e.path("type").asText()));
                assertThat(reply.path("message").path("text").asText()).isEqualTo("Hello Mia, I can help.");

                given().header("X-Chat-Token", token).contentType("application/json").body("{\"typing\":true}")
                        .when().post("/messaging/chat/conversations/" + id + "/typing").then().statusCode(204);
                JsonNode typing = until(agentFeed, e -> "typing".equals(e.path("type").asText()));
                assertThat(typing.path("who").asText()).isEqualTo("customer");
                given().header("Authorization", Tokens.agent(agent)).contentType("application/json").body("{\"typing\":true}")
                        .when().post("/messaging/conversations/" + id + "/typing").then().statusCode(204);
                JsonNode agentTyping = until(customer, e -> "typing".equals(e.path("type").asText()));
                assertThat(agentTyping.path("who").asText()).isEqualTo("agent");
                assertThat(agentTyping.path("on").asBoolean()).isTrue();

                given().header("X-Chat-Token", token).contentType("application/json")
                        .body("{\"text\":\"Thanks!\",\"clientId\":\"c-2\"}")
                        .when().post("/messaging/chat/conversations/" + id + "/messages").then().statusCode(201);
                // the same post again (its answer was lost): stored once
                given().header("X-Chat-Token", token).contentType("application/json")
                        .body("{\"text\":\"Thanks!\",\"clientId\":\"c-2\"}")
                        .when().post("/messaging/chat/conversations/" + id + "/messages")
                        .then().statusCode(201).body("seq", equalTo(3));
                JsonNode thanks = until(agentFeed, e -> "message".equals(e.path("type").asText())
                        && "IN".equals(e.path("message").path("direction").asText()));
                assertThat(thanks.path("message").path("text").asText()).isEqualTo("Thanks!");
            }

            // another agent cannot write in it
            given().header("Authorization", Tokens.agent("someone-else")).contentType("application/json")
                    .body("{\"text\":\"hi\"}")
                    .when().post("/messaging/conversations/" + id + "/messages")
                    .then().statusCode(409).body("detail", containsString("only its agent"));

            try (KafkaProbe messaging = KafkaProbe.tail(Topics.MESSAGING);
                    KafkaProbe commands = KafkaProbe.tail(Topics.ROUTING_COMMANDS)) {
                send(EventTypes.CONTACT_COMPLETED, contactId, new ContactCompleted(contactId, "chat", agent, 30, 0, 0,
                        Instant.now()));
                until(customer, e -> "CLOSED".equals(e.path("status").path("status").asText()));
                var closed = messaging.await(r -> r.key().equals(id) && r.value().contains(EventTypes.CONVERSATION_CLOSED),
                        Duration.ofSeconds(10));
                assertThat(closed.get(0).value()).contains("\"reason\":\"RESOLVED\"").contains("\"firstResponseSeconds\":")
                        .contains("\"agentId\":\"" + agent + "\"");

                // the customer writes again: the conversation opens as a new contact, offered first to the same agent
                given().header("X-Chat-Token", token).contentType("application/json")
                        .body("{\"text\":\"One more thing\"}")
                        .when().post("/messaging/chat/conversations/" + id + "/messages").then().statusCode(201);
                var reopened = commands.await(r -> r.value().contains(id) && !r.key().equals(contactId),
                        Duration.ofSeconds(10));
                assertThat(reopened.get(0).value()).contains("\"preferredAgentId\":\"" + agent + "\"")
                        .contains("\"parentContactId\":\"" + contactId + "\"");
                until(customer, e -> "QUEUED".equals(e.path("status").path("status").asText()));
            }
        }
        given().header("Authorization", Tokens.bearer("supervisor")).when().get("/messaging/conversations/" + id)
                .then().statusCode(200)
                .body("openings", equalTo(2))
                .body("messages", hasSize(4))
                .body("messages.direction", org.hamcrest.Matchers.contains("IN", "OUT", "IN", "IN"));
    }

    @Test
    void badInputIsRefusedWithAReasonAndStoresNothing() {
        given().contentType("application/json").body("{\"name\":\"X\"}")
                .when().post("/messaging/chat/conversations")
                .then().statusCode(400).body("detail", containsString("e-mail address or a phone number"));
        given().contentType("application/json").body("{\"name\":\"X\",\"email\":\"not-mail\"}")
                .when().post("/messaging/chat/conversations")
                .then().statusCode(400).body("errors[0].field", containsString("email"));
        given().contentType("application/json").body("{\"name\":\"X\",\"phone\":\"12\"}")
                .when().post("/messaging/chat/conversations")
                .then().statusCode(400);
        given().contentType("application/json").body("{\"name\":\"X\",\"email\":\"x@example.com\",\"queue\":\"vip-secret\"}")
                .when().post("/messaging/chat/conversations")
                .then().statusCode(400).body("detail", containsString("takes no chats"));
        String id = given().contentType("application/json").body("{\"name\":\"X\",\"phone\":\"+4930123456\"}")
                .when().post("/messaging/chat/conversations")
                .then().statusCode(201).extract().path("conversationId");
        given().header("X-Chat-Token", "wrong").when().get("/messaging/chat/conversations/" + id)
                .then().statusCode(404);
        given().header("X-Chat-Token", "wrong").contentType("application/json").body("{\"text\":\"hi\"}")
                .when().post("/messaging/chat/conversations/" + id + "/messages").then().statusCode(404);
        given().header("Authorization", Tokens.bearer("supervisor")).when().get("/messaging/conversations/" + id)
                .then().statusCode(200).body("messages", hasSize(0));
        given().header("Authorization", Tokens.agent("nosy")).when().get("/messaging/conversations/" + id)
                .then().statusCode(403);
    }

    @Test
    void onlyTheWidgetsOriginsMayCallTheChatApiAcrossOriginsAndTheAgentApiNotAtAll() {
        given().header("Origin", "http://localhost:8088").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,x-chat-token")
                .when().options("/messaging/chat/conversations")
                .then().statusCode(204)
                .header("Access-Control-Allow-Origin", "http://localhost:8088")
                .header("Access-Control-Allow-Headers", containsString("x-chat-token"));
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .when().options("/messaging/chat/conversations")
                .then().statusCode(403);
        given().header("Origin", "http://localhost:8088").header("Access-Control-Request-Method", "POST")
                .when().options("/messaging/conversations/x/messages")
                .then().header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
        // an agent's request forwarded with the desk's origin is not turned away
        given().header("Origin", "http://localhost:8087").header("Authorization", Tokens.bearer("supervisor"))
                .when().get("/messaging/conversations/none").then().statusCode(404);
    }

    private void send(String type, String key, Object data) {
        KafkaProbe.send(Topics.CONTACTS, key, codec.write(codec.create(type, key, data)));
    }

    private static JsonNode until(SseFeed feed, Predicate<JsonNode> match) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode e = feed.next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (match.test(e)) {
                return e;
            }
        }
        throw new AssertionError("no matching stream event within 10 s");
    }
}
