package io.contactcenter.ivr;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.contactcenter.devstack.KafkaProbe;
import io.contactcenter.devstack.Tokens;
import io.contactcenter.events.EventCodec;
import io.contactcenter.events.EventTypes;
import io.contactcenter.events.Topics;
import io.contactcenter.events.contact.ContactAnswered;
import io.contactcenter.events.contact.ContactCancelled;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The telephony-edge API on the shipped after-sales flow, with a stub CRM and routing over HTTP. */
@QuarkusTest
@IvrStack
class CallApiTest {

    static final String EDGE = Tokens.bearer("telephony");

    @Inject
    EventCodec codec;

    String line;

    @BeforeEach
    void bindLine() {
        line = "+4940" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        given().header("Authorization", Tokens.bearer("admin")).contentType("application/json").body("{\"flowId\":\"after-sales\"}")
                .when().put("/ivr/numbers/" + line).then().statusCode(200);
        StubServices.crmDelayMillis = 0;
        StubServices.open = true;
    }

    @AfterEach
    void reset() {
        StubServices.crmDelayMillis = 0;
    }

    static String caller() {
        return "+4930" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    }

    JsonPath call(String from) {
        return given().header("Authorization", EDGE).contentType("application/json")
                .body("{\"callId\":\"%s\",\"from\":\"%s\",\"to\":\"%s\"}".formatted(UUID.randomUUID(), from, line))
                .when().post("/ivr/calls").then().statusCode(200).extract().jsonPath();
    }

    static JsonPath event(String session, String body) {
        return given().header("Authorization", EDGE).contentType("application/json").body(body)
                .when().post("/ivr/calls/" + session + "/events").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aKnownVipIsGreetedByNameAndHandedToRoutingWithEverythingTheIvrLearned() {
        String from = caller();
        StubServices.CUSTOMERS.put(from, """
                {"customer":{"customerId":"cust-7","displayName":"Ada","segment":"VIP","language":"en"},
                 "openCases":[],"history":{"contacts":2},"risk":{"score":10,"level":"LOW"}}""");
        try (KafkaProbe commands = KafkaProbe.tail(Topics.ROUTING_COMMANDS); KafkaProbe ivr = KafkaProbe.tail(Topics.IVR)) {
            JsonPath turn = call(from);
            String contact = turn.getString("contactId");
            assertThat(turn.getList("actions.text", String.class)).contains("Hello Ada, we are connecting you to your priority team.");
            assertThat(turn.getList("actions.type", String.class)).contains("enqueued", "play", "gather");
            assertThat(turn.getString("state")).isEqualTo("QUEUED");
            var enqueue = commands.await(r -> contact.equals(r.key()), Duration.ofSeconds(10));
            assertThat(enqueue).hasSize(1);
            assertThat(enqueue.get(0).value()).contains(EventTypes.ROUTING_ENQUEUE).contains("\"queueId\":\"vip\"")
                    .contains("\"customerId\":\"cust-7\"").contains("\"callerNumber\":\"" + from + "\"").contains("\"priority\":10");
            var completed = ivr.await(r -> r.value().contains(EventTypes.IVR_COMPLETED) && r.value().contains(contact),
                    Duration.ofSeconds(10));
            assertThat(completed.get(0).value()).contains("\"outcome\":\"enqueued\"").contains("\"lastNode\":\"vip-queue\"");
        }
    }

    @Test
    void aSlowCrmDoesNotHoldUpTheCallTheFlowTakesItsFallbackWithinTheBound() {
        StubServices.crmDelayMillis = 2000;
        long t0 = System.nanoTime();
        JsonPath turn = call(caller());
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(millis).as("answered despite a CRM that takes 2 s").isLessThan(1500);
        assertThat(turn.getList("actions.type", String.class)).endsWith("gather");
        assertThat(turn.getString("actions[1].text")).startsWith("For a fault report");
    }

    @Test
    void tooManyDigitsAreARejectedInputNotAnErrorAndAHangUpIsAnAbandonAtItsNode() {
        String session = call(caller()).getString("sessionId");
        event(session, "{\"type\":\"digits\",\"digits\":\"1\"}");
        try (KafkaProbe ivr = KafkaProbe.tail(Topics.IVR)) {
            JsonPath again = event(session, "{\"type\":\"digits\",\"digits\":\"123456789012#\"}");
            assertThat(again.getList("actions.type", String.class)).containsExactly("say", "gather");
            assertThat(ivr.await(r -> r.value().contains(EventTypes.IVR_INPUT_REJECTED) && r.value().contains(session),
                    Duration.ofSeconds(10)).get(0).value()).contains("\"reason\":\"length\"").contains("\"node\":\"fault\"");
            JsonPath gone = event(session, "{\"type\":\"hangup\"}");
            assertThat(gone.getString("state")).isEqualTo("ENDED");
            assertThat(ivr.await(r -> r.value().contains(EventTypes.IVR_COMPLETED) && r.value().contains(session),
                    Duration.ofSeconds(10)).get(0).value()).contains("\"outcome\":\"abandoned\"").contains("\"lastNode\":\"fault\"");
        }
        given().header("Authorization", EDGE).contentType("application/json").body("{\"type\":\"digits\",\"digits\":\"1\"}")
                .when().post("/ivr/calls/" + session + "/events").then().statusCode(409);
        given().header("Authorization", EDGE).contentType("application/json").body("{\"type\":\"timeout\"}")
                .when().post("/ivr/calls/no-such-session/events").then().statusCode(404);
    }

    @Test
    void onHoldTheCallerHearsPositionAndWaitCanLeaveAndIsBridgedWhenAnAgentAnswers() {
        // 0 → the operator queue, with hold treatment (routing says: position 2, about 4 minutes)
        String session = call(caller()).getString("sessionId");
        JsonPath queued = event(session, "{\"type\":\"digits\",\"digits\":\"0\"}");
        assertThat(queued.getString("state")).isEqualTo("QUEUED");
        JsonPath hold = event(session, "{\"type\":\"played\"}");
        assertThat(hold.getList("actions.type", String.class)).containsExactly("play", "gather");
        // the exit key leaves the queue for voicemail
        try (KafkaProbe commands = KafkaProbe.tail(Topics.ROUTING_COMMANDS)) {
            JsonPath left = event(session, "{\"type\":\"digits\",\"digits\":\"9\"}");
            assertThat(left.getList("actions.type", String.class)).endsWith("record");
            String contact = left.getString("contactId");
            assertThat(commands.await(r -> contact.equals(r.key()) && r.value().contains(EventTypes.ROUTING_CANCEL),
                    Duration.ofSeconds(10))).hasSize(1);
        }

        JsonPath second = call(caller());
        String session2 = second.getString("sessionId");
        String contact2 = event(session2, "{\"type\":\"digits\",\"digits\":\"3\"}").getString("contactId");
        KafkaProbe.send(Topics.CONTACTS, contact2, codec.write(codec.create(EventTypes.CONTACT_ANSWERED, contact2,
                new ContactAnswered(contact2, "complaints", "ann", 30, Instant.now()))));
        io.contactcenter.devstack.Eventually.await("bridged", Duration.ofSeconds(10), Duration.ofMillis(200), () ->
                event(session2, "{\"type\":\"played\"}").getList("actions.type", String.class).contains("bridge"));
        try (KafkaProbe contacts = KafkaProbe.tail(Topics.CONTACTS)) {
            JsonPath survey = event(session2, "{\"type\":\"agent-ended\"}");
            assertThat(survey.getList("actions.text", String.class)).anyMatch(t -> t.contains("from 1 to 5"));
            JsonPath done = event(session2, "{\"type\":\"digits\",\"digits\":\"4\"}");
            assertThat(done.getString("state")).isEqualTo("ENDED");
            assertThat(contacts.await(r -> contact2.equals(r.key()) && r.value().contains(EventTypes.CONTACT_SURVEY_COMPLETED),
                    Duration.ofSeconds(10)).get(0).value()).contains("\"score\":4");
        }
    }

    @Test
    void aHandOffRoutingRefusesTakesTheCallerToTheHoldExitInsteadOfWaitingForever() {
        String session = call(caller()).getString("sessionId");
        String contact = event(session, "{\"type\":\"digits\",\"digits\":\"0\"}").getString("contactId");
        KafkaProbe.send(Topics.CONTACTS, contact, codec.write(codec.create(EventTypes.CONTACT_CANCELLED, contact,
                new ContactCancelled(contact, "support", "rejected: No queue with id 'support'", 0, Instant.now()))));
        io.contactcenter.devstack.Eventually.await("refused hand-off handled", Duration.ofSeconds(10), Duration.ofMillis(200), () -> {
            JsonPath turn = event(session, "{\"type\":\"played\"}");
            return turn.getList("actions.text", String.class).contains("We are sorry, we cannot put you through right now.")
                    && turn.getList("actions.type", String.class).contains("record");
        });
    }

    @Test
    void afterHoursTheCallerBooksACallback() {
        StubServices.open = false;
        String session = call(caller()).getString("sessionId");
        JsonPath booked = event(session, "{\"type\":\"digits\",\"digits\":\"1\"}");
        assertThat(booked.getString("state")).isEqualTo("ENDED");
        io.contactcenter.devstack.Eventually.await("callback booked", Duration.ofSeconds(5), Duration.ofMillis(100),
                () -> StubServices.REQUESTS.stream().anyMatch(r -> r.startsWith("POST /callbacks") && r.contains("\"origin\":\"ivr\"")));
    }

    @Test
    void aCallerWhoChoosesSmsIsTextedAndTheConversationCarriesWhatTheIvrLearned() {
        String flow = "deflect-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", Tokens.bearer("admin")).contentType("application/yaml").body("""
                start: serial
                operator: queue
                nodes:
                  serial:
                    type: collect
                    text: Please key in the serial number.
                    variable: serial
                    minDigits: 4
                    maxDigits: 8
                    next: offer
                    noMatch: queue
                    noInput: queue
                  offer:
                    type: sms
                    text: All agents are busy. Press 1 and we will continue by SMS.
                    message: "Hello from Example Appliances. Reply here about serial {serial}; an agent will answer."
                    queue: sms-support
                    accepted: bye
                    declined: queue
                  bye:
                    type: hangup
                    text: We have sent you an SMS. Goodbye.
                  queue:
                    type: enqueue
                    queue: support
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8)).put("/ivr/flows/" + flow).then().log().ifValidationFails().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        given().header("Authorization", Tokens.bearer("admin")).post("/ivr/flows/" + flow + "/publish").then().statusCode(200);
        given().header("Authorization", Tokens.bearer("admin")).contentType("application/json").body("{\"flowId\":\"" + flow + "\"}")
                .when().put("/ivr/numbers/" + line).then().statusCode(200);
        String from = caller();
        String session = call(from).getString("sessionId");
        event(session, "{\"type\":\"digits\",\"digits\":\"4815\"}");
        JsonPath done = event(session, "{\"type\":\"digits\",\"digits\":\"1\"}");
        assertThat(done.getString("state")).isEqualTo("ENDED");
        assertThat(done.getList("actions.type", String.class)).endsWith("hangup");
        io.contactcenter.devstack.Eventually.await("SMS conversation started", Duration.ofSeconds(5), Duration.ofMillis(100),
                () -> StubServices.REQUESTS.stream().anyMatch(r -> r.startsWith("POST /messaging/conversations")
                        && r.contains("\"phone\":\"" + from + "\"") && r.contains("serial 4815")
                        && r.contains("\"queueId\":\"sms-support\"") && r.contains("\"serial\":\"4815\"")));
    }

    @Test
    void aRepeatedCallIdIsAConflictNamingTheSessionAndStartsNothingNew() {
        String callId = UUID.randomUUID().toString();
        String body = "{\"callId\":\"%s\",\"from\":\"%s\",\"to\":\"%s\"}".formatted(callId, caller(), line);
        String session = given().header("Authorization", EDGE).contentType("application/json").body(body)
                .when().post("/ivr/calls").then().statusCode(200).extract().jsonPath().getString("sessionId");
        String message = given().header("Authorization", EDGE).contentType("application/json").body(body)
                .when().post("/ivr/calls").then().statusCode(409).extract().asString();
        assertThat(message).contains(callId).contains(session);
        // the first session goes on as before
        assertThat(event(session, "{\"type\":\"timeout\"}").getString("state")).isEqualTo("IVR");
    }

    @Test
    void badCallsAreRefused() {
        given().header("Authorization", EDGE).contentType("application/json")
                .body("{\"callId\":\"x1\",\"from\":\"+4930123456\",\"to\":\"+4940999999999\"}")
                .when().post("/ivr/calls").then().statusCode(404);
        given().header("Authorization", EDGE).contentType("application/json")
                .body("{\"callId\":\"x2\",\"from\":\"+4930123456\",\"to\":\"040 555\"}")
                .when().post("/ivr/calls").then().statusCode(400);
        String session = call(caller()).getString("sessionId");
        given().header("Authorization", EDGE).contentType("application/json").body("{\"type\":\"dance\"}")
                .when().post("/ivr/calls/" + session + "/events").then().statusCode(400).body("errors.field", hasItem("type"));
        given().header("Authorization", EDGE).contentType("application/json").body("{\"type\":\"digits\",\"digits\":\"1a\"}")
                .when().post("/ivr/calls/" + session + "/events").then().statusCode(400);
        given().header("Authorization", Tokens.bearer("agent")).contentType("application/json").body("{\"type\":\"timeout\"}")
                .when().post("/ivr/calls/" + session + "/events").then().statusCode(403);
        given().header("Authorization", EDGE).contentType("application/json").body("{\"type\":\"timeout\"}")
                .when().post("/ivr/calls/" + session + "/events").then().statusCode(200).body("state", equalTo("IVR"));
    }
}
