package io.contactcenter.callback;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.contactcenter.devstack.Eventually;
import io.contactcenter.devstack.KafkaProbe;
import io.contactcenter.devstack.Tokens;
import io.contactcenter.events.EventCodec;
import io.contactcenter.events.EventTypes;
import io.contactcenter.events.Topics;
import io.contactcenter.events.contact.ContactAnswered;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
@CallbackStack
class CallbackApiTest {

    private static final String TELEPHONY = Tokens.bearer("telephony");

    @Inject
    EventCodec codec;

    @Test
    void keepMyPlaceEntersRoutingWithTheOriginalQueueEntryTime() {
        String queue = CallbackFixtures.queue(3, false, 20, 3);
        String phone = CallbackFixtures.phone();
        Instant queuedAt = Instant.now().minusSeconds(300).truncatedTo(ChronoUnit.MILLIS);
        String id;
        try (KafkaProbe commands = KafkaProbe.tail(Topics.ROUTING_COMMANDS)) {
            id = given().header("Authorization", TELEPHONY).contentType("application/json")
                    .body("""
                            {"phone":"030 %s","region":"DE","queueId":"%s","origin":"ivr","parentContactId":"orig-1",
                             "queuedAt":"%s"}
                            """.formatted(phone.substring(5), queue, queuedAt))
                    .when().post("/callbacks")
                    .then().statusCode(201)
                    .body("phone", equalTo(phone))
                    .body("status", equalTo("SCHEDULED"))
                    .extract().path("callbackId");
            String contactId = id + "-1";
            var enqueued = commands.await(r -> contactId.equals(r.key()), Duration.ofSeconds(10));
            assertThat(enqueued).hasSize(1);
            assertThat(enqueued.get(0).value()).contains(EventTypes.ROUTING_ENQUEUE).contains("\"channel\":\"CALLBACK\"")
                    .contains("\"virtualStartTime\":\"" + queuedAt + "\"").contains("\"parentContactId\":\"orig-1\"");
        }
        given().header("Authorization", TELEPHONY).when().get("/callbacks/" + id)
                .then().statusCode(200)
                .body("status", equalTo("QUEUED"))
                .body("attempts", equalTo(1))
                .body("attemptHistory[0].contactId", equalTo(id + "-1"))
                .body("attemptHistory[0].enqueuedAt", notNullValue());
    }

    @Test
    void aSecondRequestForTheSameNumberAndQueueReturnsTheFirstAndMovesItsWindow() {
        String queue = CallbackFixtures.queue(3, false, 20, 3);
        String phone = CallbackFixtures.phone();
        LocalDateTime tomorrow = LocalDateTime.now(ZoneId.of("Europe/Berlin")).plusDays(1).withHour(10).truncatedTo(ChronoUnit.HOURS);
        String first = request(phone, queue, tomorrow, tomorrow.plusHours(2), 201);
        String second = request(phone, queue, tomorrow.plusDays(1), tomorrow.plusDays(1).plusHours(2), 200);
        assertThat(second).isEqualTo(first);
        given().header("Authorization", TELEPHONY).when().get("/callbacks/" + first)
                .then().body("windowStart", equalTo(tomorrow.plusDays(1).atZone(ZoneId.of("Europe/Berlin")).toInstant().toString()))
                .body("status", equalTo("SCHEDULED"));
        given().header("Authorization", TELEPHONY).queryParam("queue", queue)
                .when().get("/callbacks").then().statusCode(200).body("size()", equalTo(1));
    }

    @Test
    void anAgentTakingTheCallbackDialsAndTheEdgeOutcomeRetriesOrCompletes() {
        String queue = CallbackFixtures.queue(2, false, 20, 3);
        String id = dueNow(queue);
        try (KafkaProbe callbacks = KafkaProbe.tail(Topics.CALLBACKS)) {
            answered(id + "-1", queue);
            Eventually.await("dialing", Duration.ofSeconds(10), Duration.ofMillis(100), () -> "DIALING".equals(status(id)));
            var dialing = callbacks.await(r -> r.key().equals(id) && r.value().contains(EventTypes.CALLBACK_DIALING),
                    Duration.ofSeconds(10));
            assertThat(dialing).hasSize(1);
            assertThat(dialing.get(0).value()).contains("\"agentId\":\"ann\"").contains("\"attempt\":1");
        }
        Instant before = Instant.now();
        given().header("Authorization", TELEPHONY).contentType("application/json").body("{\"outcome\":\"NO_ANSWER\"}")
                .when().post("/callbacks/" + id + "/outcome")
                .then().statusCode(200)
                .body("status", equalTo("SCHEDULED"))
                .body("lastOutcome", equalTo("NO_ANSWER"));
        Instant due = Instant.parse(given().header("Authorization", TELEPHONY).when().get("/callbacks/" + id)
                .then().extract().path("dueAt"));
        assertThat(due).isBetween(before.plusSeconds(59), Instant.now().plusSeconds(61));   // minimum retry interval 60 s
        // an outcome is only expected while dialing
        given().header("Authorization", TELEPHONY).contentType("application/json").body("{\"outcome\":\"ANSWERED\"}")
                .when().post("/callbacks/" + id + "/outcome")
                .then().statusCode(409);

        String other = dueNow(queue);
        answered(other + "-1", queue);
        Eventually.await("dialing", Duration.ofSeconds(10), Duration.ofMillis(100), () -> "DIALING".equals(status(other)));
        try (KafkaProbe callbacks = KafkaProbe.tail(Topics.CALLBACKS)) {
            given().header("Authorization", TELEPHONY).contentType("application/json").body("{\"outcome\":\"ANSWERED\"}")
                    .when().post("/callbacks/" + other + "/outcome")
                    .then().statusCode(200).body("status", equalTo("COMPLETED"));
            assertThat(callbacks.await(r -> r.key().equals(other) && r.value().contains(EventTypes.CALLBACK_COMPLETED),
                    Duration.ofSeconds(10))).hasSize(1);
        }
    }

    @Test
    void givesUpAfterTheLastAttemptAndOnAnInvalidNumber() {
        String queue = CallbackFixtures.queue(1, false, 20, 3);
        String id = dueNow(queue);
        answered(id + "-1", queue);
        Eventually.await("dialing", Duration.ofSeconds(10), Duration.ofMillis(100), () -> "DIALING".equals(status(id)));
        try (KafkaProbe callbacks = KafkaProbe.tail(Topics.CALLBACKS)) {
            given().header("Authorization", TELEPHONY).contentType("application/json").body("{\"outcome\":\"BUSY\"}")
                    .when().post("/callbacks/" + id + "/outcome")
                    .then().statusCode(200).body("status", equalTo("FAILED")).body("failureReason", equalTo("max-attempts"));
            var failed = callbacks.await(r -> r.key().equals(id) && r.value().contains(EventTypes.CALLBACK_FAILED),
                    Duration.ofSeconds(10));
            assertThat(failed).hasSize(1);
            assertThat(failed.get(0).value()).contains("max-attempts");
        }
        String queue2 = CallbackFixtures.queue(5, false, 20, 3);
        String invalid = dueNow(queue2);
        answered(invalid + "-1", queue2);
        Eventually.await("dialing", Duration.ofSeconds(10), Duration.ofMillis(100), () -> "DIALING".equals(status(invalid)));
        given().header("Authorization", TELEPHONY).contentType("application/json").body("{\"outcome\":\"INVALID_NUMBER\"}")
                .when().post("/callbacks/" + invalid + "/outcome")
                .then().statusCode(200).body("status", equalTo("FAILED")).body("failureReason", equalTo("invalid-number"));
    }

    /** Callbacks carry customers' numbers: an agent sees and withdraws only the ones it asked for. */
    @Test
    void agentsSeeAndWithdrawOnlyTheCallbacksTheyAskedFor() {
        String queue = CallbackFixtures.queue(3, false, 20, 3);
        String ann = "ann-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        String bob = "bob-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        LocalDateTime tomorrow = LocalDateTime.now(ZoneId.of("Europe/Berlin")).plusDays(1).withHour(9).truncatedTo(ChronoUnit.HOURS);
        String annsPhone = CallbackFixtures.phone();
        String anns = given().header("Authorization", Tokens.agent(ann)).contentType("application/json")
                .body("""
                        {"phone":"%s","queueId":"%s","windowStart":"%s","windowEnd":"%s"}
                        """.formatted(annsPhone, queue, tomorrow, tomorrow.plusHours(1)))
                .when().post("/callbacks").then().statusCode(201).extract().path("callbackId");
        String others = request(CallbackFixtures.phone(), queue, tomorrow, tomorrow.plusHours(1), 201);

        given().header("Authorization", Tokens.agent(ann)).when().get("/callbacks/" + anns).then().statusCode(200)
                .body("phone", equalTo(annsPhone));
        given().header("Authorization", Tokens.agent(bob)).when().get("/callbacks/" + anns).then().statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", Tokens.agent(ann)).when().get("/callbacks/" + others).then().statusCode(403);
        given().header("Authorization", Tokens.agent(ann)).queryParam("queue", queue).when().get("/callbacks")
                .then().statusCode(200).body("callbackId", org.hamcrest.Matchers.contains(anns));
        given().header("Authorization", Tokens.agent(bob)).queryParam("queue", queue).when().get("/callbacks")
                .then().statusCode(200).body("$", empty());
        given().header("Authorization", Tokens.bearer("supervisor")).queryParam("queue", queue).when().get("/callbacks")
                .then().statusCode(200).body("size()", equalTo(2));

        given().header("Authorization", Tokens.agent(bob)).when().delete("/callbacks/" + anns).then().statusCode(403);
        given().header("Authorization", TELEPHONY).when().get("/callbacks/" + anns).then().body("status", equalTo("SCHEDULED"));
        given().header("Authorization", Tokens.agent(ann)).when().delete("/callbacks/" + anns).then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
        given().header("Authorization", Tokens.agent(ann)).when().delete("/callbacks/nope").then().statusCode(404);
    }

    @Test
    void cancelsAScheduledCallbackOnce() {
        String queue = CallbackFixtures.queue(3, false, 20, 3);
        LocalDateTime tomorrow = LocalDateTime.now(ZoneId.of("Europe/Berlin")).plusDays(1).withHour(9).truncatedTo(ChronoUnit.HOURS);
        String id = request(CallbackFixtures.phone(), queue, tomorrow, tomorrow.plusHours(1), 201);
        try (KafkaProbe callbacks = KafkaProbe.tail(Topics.CALLBACKS)) {
            given().header("Authorization", TELEPHONY).when().delete("/callbacks/" + id)
                    .then().statusCode(200).body("status", equalTo("CANCELLED"));
            assertThat(callbacks.await(r -> r.key().equals(id) && r.value().contains(EventTypes.CALLBACK_CANCELLED),
                    Duration.ofSeconds(10))).hasSize(1);
        }
        given().header("Authorization", TELEPHONY).when().delete("/callbacks/" + id).then().statusCode(409);
        given().header("Authorization", TELEPHONY).when().delete("/callbacks/nope").then().statusCode(404);
    }

    @Test
    void badRequestsAreRefusedAndCreateNothing() {
        String queue = CallbackFixtures.queue(3, false, 20, 3);
        LocalDateTime now = LocalDateTime.now(ZoneId.of("Europe/Berlin"));
        given().header("Authorization", TELEPHONY).contentType("application/json")
                .body("{\"phone\":\"12345\",\"queueId\":\"%s\"}".formatted(queue))
                .when().post("/callbacks").then().statusCode(400).body("detail", containsString("phone"));
        bad(queue, now.minusHours(3), now.minusHours(2), "past");
        bad(queue, now.plusDays(40), now.plusDays(40).plusHours(1), "days ahead");
        bad(queue, now.plusHours(2), now.plusHours(1), "after windowStart");
        given().header("Authorization", TELEPHONY).contentType("application/json")
                .body("{\"phone\":\"%s\",\"queueId\":\"no-such-queue\"}".formatted(CallbackFixtures.phone()))
                .when().post("/callbacks").then().statusCode(404).body("detail", containsString("policy"));
        given().header("Authorization", TELEPHONY).contentType("application/json")
                .body("{\"phone\":\"%s\",\"queueId\":\"%s\",\"timeZone\":\"Mars/Base\",\"origin\":\"fax\"}"
                        .formatted(CallbackFixtures.phone(), queue))
                .when().post("/callbacks").then().statusCode(400);
        given().header("Authorization", TELEPHONY).queryParam("queue", queue)
                .when().get("/callbacks").then().statusCode(200).body("$", empty());
    }

    private void bad(String queue, LocalDateTime start, LocalDateTime end, String message) {
        given().header("Authorization", TELEPHONY).contentType("application/json")
                .body("{\"phone\":\"%s\",\"queueId\":\"%s\",\"windowStart\":\"%s\",\"windowEnd\":\"%s\"}"
                        .formatted(CallbackFixtures.phone(), queue, start.truncatedTo(ChronoUnit.SECONDS),
                                end.truncatedTo(ChronoUnit.SECONDS)))
                .when().post("/callbacks").then().statusCode(400).body("detail", containsString(message));
    }

    private static String request(String phone, String queue, LocalDateTime start, LocalDateTime end, int status) {
        return given().header("Authorization", TELEPHONY).contentType("application/json")
                .body("{\"phone\":\"%s\",\"queueId\":\"%s\",\"origin\":\"web\",\"windowStart\":\"%s\",\"windowEnd\":\"%s\","
                        .formatted(phone, queue, start, end) + "\"timeZone\":\"Europe/Berlin\"}")
                .when().post("/callbacks")
                .then().statusCode(status).extract().path("callbackId");
    }

    /** A callback due now, already handed to routing. */
    private static String dueNow(String queue) {
        String id = given().header("Authorization", TELEPHONY).contentType("application/json")
                .body("{\"phone\":\"%s\",\"queueId\":\"%s\"}".formatted(CallbackFixtures.phone(), queue))
                .when().post("/callbacks").then().statusCode(201).extract().path("callbackId");
        Eventually.await("queued", Duration.ofSeconds(10), Duration.ofMillis(100), () -> "QUEUED".equals(status(id)));
        return id;
    }

    private static String status(String id) {
        return given().header("Authorization", TELEPHONY).when().get("/callbacks/" + id).then().extract().path("status");
    }

    private void answered(String contactId, String queue) {
        KafkaProbe.send(Topics.CONTACTS, contactId, codec.write(codec.create(EventTypes.CONTACT_ANSWERED, contactId,
                new ContactAnswered(contactId, queue, "ann", 12, Instant.now()))));
    }
}
