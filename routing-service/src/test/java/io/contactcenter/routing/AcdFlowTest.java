package io.contactcenter.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.devstack.Eventually;
import io.contactcenter.devstack.KafkaProbe;
import io.contactcenter.devstack.SseFeed;
import io.contactcenter.devstack.Tokens;
import io.contactcenter.events.EventTypes;
import io.contactcenter.events.Topics;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The ACD end to end through its API, SSE stream and events, on the real database and broker. */
@QuarkusTest
@RoutingStack
class AcdFlowTest {

    static final Duration OFFER_WAIT = Duration.ofSeconds(10);
    private final ObjectMapper mapper = new ObjectMapper();

    @TestHTTPResource("/")
    URI base;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    @Test
    void offersLongestIdleAgentWithScreenPopAndRunsAcceptCompleteWrapUp() throws Exception {
        String q = queue("{\"strategy\":\"LONGEST_IDLE\",\"wrapUpSeconds\":30}");
        String first = agent(q, "{}");
        String second = agent(q, "{}");
        Fixtures.state(first, "AVAILABLE", null).statusCode(200).body("state", equalTo("AVAILABLE"));
        Thread.sleep(20);
        Fixtures.state(second, "AVAILABLE", null).statusCode(200);
        String id = "c-" + UUID.randomUUID();
        try (KafkaProbe events = KafkaProbe.tail(Topics.CONTACTS);
                SseFeed feed = SseFeed.offers(base, first)) {
            Fixtures.enqueue(body(id, q, 5, "\"attributes\":{\"customerId\":\"cu-7\",\"intent\":\"refund\",\"segment\":\"VIP\"}"))
                    .statusCode(201);
            JsonNode offer = feed.next(OFFER_WAIT);
            assertThat(offer.get("contactId").asText()).isEqualTo(id);
            assertThat(offer.get("agentId").asText()).isEqualTo(first);
            assertThat(offer.at("/attributes/intent").asText()).isEqualTo("refund");
            assertThat(offer.at("/attributes/segment").asText()).isEqualTo("VIP");
            agentState(first, "RESERVED");
            String offerId = offer.get("offerId").asText();

            given().header("Authorization", Tokens.agent(first)).when().post("/routing/offers/" + offerId + "/accept")
                    .then().statusCode(200).body("status", equalTo("ACCEPTED"));
            Fixtures.contact(id).statusCode(200).body("state", equalTo("CONNECTED")).body("agentId", equalTo(first));
            agentState(first, "BUSY");

            given().header("Authorization", Tokens.agent(first)).contentType("application/json")
                    .body("{\"holdSeconds\":0}")
                    .when().post("/routing/contacts/" + id + "/complete")
                    .then().statusCode(200).body("state", equalTo("COMPLETED"));
            agentState(first, "WRAP_UP");
            TestClock.advance(Duration.ofSeconds(31));
            Eventually.await(first + " available after wrap-up", Duration.ofSeconds(5), Duration.ofMillis(100),
                    () -> stateOf(first).equals("AVAILABLE"));

            List<String> types = events.await(r -> id.equals(r.key()), Duration.ofSeconds(10), 4).stream()
                    .map(r -> type(r.value())).toList();
            assertThat(types).containsExactly(EventTypes.CONTACT_QUEUED, EventTypes.CONTACT_OFFERED,
                    EventTypes.CONTACT_ANSWERED, EventTypes.CONTACT_COMPLETED);
        }
    }

    @Test
    void rejectedContactKeepsItsPlaceAndIsOfferedToTheNextAgent() {
        String q = queue("{}");
        String a = agent(q, "{}");
        String b = agent(q, "{}");
        Fixtures.state(a, "AVAILABLE", null).statusCode(200);
        String id = "c-" + UUID.randomUUID();
        try (SseFeed feedA = SseFeed.offers(base, a); SseFeed feedB = SseFeed.offers(base, b)) {
            String start = Fixtures.enqueue(body(id, q, 1, null)).statusCode(201).extract().path("virtualStartTime");
            JsonNode offer = feedA.next(OFFER_WAIT);
            Fixtures.state(b, "AVAILABLE", null).statusCode(200);
            given().header("Authorization", Tokens.agent(a)).when()
                    .post("/routing/offers/" + offer.get("offerId").asText() + "/reject")
                    .then().statusCode(200).body("status", equalTo("REJECTED"));
            JsonNode next = feedB.next(OFFER_WAIT);
            assertThat(next.get("contactId").asText()).isEqualTo(id);
            Fixtures.contact(id).body("virtualStartTime", equalTo(start)).body("agentId", equalTo(b));
        }
    }

    @Test
    void unansweredOffersTimeOutAndTheAgentGoesNotReadyAfterTwoMisses() {
        String q = queue("{\"offerTimeoutSeconds\":5}");
        String a = agent(q, "{}");
        Fixtures.state(a, "AVAILABLE", null).statusCode(200);
        String c1 = "c-" + UUID.randomUUID();
        String c2 = "c-" + UUID.randomUUID();
        try (SseFeed feed = SseFeed.offers(base, a)) {
            Fixtures.enqueue(body(c1, q, 1, null)).statusCode(201);
            Fixtures.enqueue(body(c2, q, 1, null)).statusCode(201);
            assertThat(feed.next(OFFER_WAIT).get("contactId").asText()).isEqualTo(c1);
            TestClock.advance(Duration.ofSeconds(6));
            // c1 skips the agent who let it ring; c2 is offered instead
            assertThat(feed.next(OFFER_WAIT).get("contactId").asText()).isEqualTo(c2);
            Fixtures.contact(c1).body("state", equalTo("QUEUED"));
            TestClock.advance(Duration.ofSeconds(6));
            Eventually.await(a + " not ready after two misses", Duration.ofSeconds(5), Duration.ofMillis(100),
                    () -> stateOf(a).equals("NOT_READY"));
            given().header("Authorization", Tokens.bearer("supervisor")).when().get("/routing/agents/" + a)
                    .then().body("reasonCode", equalTo("no-answer")).body("missedOffers", equalTo(2));
            Fixtures.contact(c1).body("state", equalTo("QUEUED"));
            Fixtures.contact(c2).body("state", equalTo("QUEUED"));
        }
    }

    @Test
    void callerHangingUpIsAbandonedWithWaitAndPositionAndOthersMoveUp() throws Exception {
        String q = queue("{}");
        String[] ids = {"c-" + UUID.randomUUID(), "c-" + UUID.randomUUID(), "c-" + UUID.randomUUID()};
        for (String id : ids) {
            Fixtures.enqueue(body(id, q, 1, null)).statusCode(201);
        }
        Fixtures.contact(ids[2]).body("position", equalTo(3)).body("estimatedWaitSeconds", nullValue());
        try (KafkaProbe events = KafkaProbe.tail(Topics.CONTACTS)) {
            given().header("Authorization", Tokens.bearer("telephony")).when().delete("/routing/contacts/" + ids[1])
                    .then().statusCode(200).body("state", equalTo("ABANDONED"));
            JsonNode abandoned = mapper.readTree(events.await(r -> ids[1].equals(r.key())
                    && type(r.value()).equals(EventTypes.CONTACT_ABANDONED), Duration.ofSeconds(10)).get(0).value());
            assertThat(abandoned.at("/data/position").asInt()).isEqualTo(2);
            assertThat(abandoned.at("/data/waitSeconds").asDouble()).isGreaterThan(0);
        }
        Fixtures.contact(ids[2]).body("position", equalTo(2));
        // hanging up twice is harmless; a completed or unknown contact cannot be abandoned
        given().header("Authorization", Tokens.bearer("telephony")).when().delete("/routing/contacts/" + ids[1])
                .then().statusCode(200);
        given().header("Authorization", Tokens.bearer("telephony")).when().delete("/routing/contacts/nobody")
                .then().statusCode(404);
    }

    @Test
    void waitEstimateFollowsPositionStaffAndHandleTime() {
        String q = queue("{\"defaultHandleSeconds\":120}");
        String a = agent(q, "{}");
        String b = agent(q, "{}");
        Fixtures.state(a, "AVAILABLE", null).statusCode(200);
        Fixtures.state(b, "AVAILABLE", null).statusCode(200);
        String[] ids = new String[4];
        for (int i = 0; i < 4; i++) {
            ids[i] = "c-" + UUID.randomUUID();
            Fixtures.enqueue(body(ids[i], q, 1, null)).statusCode(201);
        }
        // two are offered at once; the others wait for one release each: 120 s / 2 agents per position
        Eventually.await("estimates by position", Duration.ofSeconds(10), Duration.ofMillis(200), () -> {
            Float third = Fixtures.contact(ids[2]).extract().path("estimatedWaitSeconds");
            Float fourth = Fixtures.contact(ids[3]).extract().path("estimatedWaitSeconds");
            return third != null && fourth != null && third == 60f && fourth == 120f;
        });
        given().header("Authorization", Tokens.bearer("telephony")).when().get("/routing/queues/" + q + "/status")
                .then().statusCode(200)
                .body("waiting", equalTo(2))
                .body("staffed", equalTo(2))
                .body("agentsByState.RESERVED", equalTo(2))
                .body("estimatedWaitSeconds", equalTo(180f));
    }

    @Test
    void overflowMovesAContactToTheBackupQueueAfterItsWaitKeepingContext() {
        String backup = queue("{}");
        String primary = queue("{\"overflow\":[{\"afterSeconds\":30,\"then\":{\"action\":\"MOVE_TO_QUEUE\",\"targetQueueId\":\""
                + backup + "\"}}]}");
        String helper = agent(backup, "{}");
        Fixtures.state(helper, "AVAILABLE", null).statusCode(200);
        String id = "c-" + UUID.randomUUID();
        try (SseFeed feed = SseFeed.offers(base, helper)) {
            Fixtures.enqueue(body(id, primary, 1, "\"attributes\":{\"intent\":\"billing\"}")).statusCode(201);
            TestClock.advance(Duration.ofSeconds(31));
            JsonNode offer = feed.next(OFFER_WAIT);
            assertThat(offer.get("contactId").asText()).isEqualTo(id);
            assertThat(offer.get("queueId").asText()).isEqualTo(backup);
            assertThat(offer.at("/attributes/intent").asText()).isEqualTo("billing");
        }
    }

    @Test
    void closedFullAndEmptyQueuesSendCallersToTheirActions() {
        String closed = queue("{\"hours\":{\"zone\":\"Europe/Berlin\",\"weekly\":{}},"
                + "\"closedAction\":{\"action\":\"MESSAGE_HANGUP\",\"message\":\"closed-greeting\"}}");
        Fixtures.enqueue(body("c-" + UUID.randomUUID(), closed, 1, null)).statusCode(201)
                .body("state", equalTo("OVERFLOWED")).body("outcome", equalTo("MESSAGE_HANGUP"))
                .body("outcomeDetail", containsString("closed"));

        String tiny = queue("{\"maxQueueLength\":1,\"exitAction\":{\"action\":\"CALLBACK\"}}");
        Fixtures.enqueue(body("c-" + UUID.randomUUID(), tiny, 1, null)).statusCode(201).body("state", equalTo("QUEUED"));
        Fixtures.enqueue(body("c-" + UUID.randomUUID(), tiny, 1, null)).statusCode(201)
                .body("state", equalTo("OVERFLOWED")).body("outcome", equalTo("CALLBACK"))
                .body("outcomeDetail", containsString("queue-full"));

        String empty = queue("{\"joinWhenEmpty\":false}");
        Fixtures.enqueue(body("c-" + UUID.randomUUID(), empty, 1, null)).statusCode(201)
                .body("state", equalTo("OVERFLOWED")).body("outcome", equalTo("VOICEMAIL"));
    }

    @Test
    void oneAgentTakesThreeChatsAtOnceButNoFourth() throws Exception {
        String q = queue("{}");
        String a = agent(q, "\"capacity\":{\"VOICE\":1,\"CHAT\":3}");
        Fixtures.state(a, "AVAILABLE", null).statusCode(200);
        try (SseFeed feed = SseFeed.offers(base, a)) {
            for (int i = 0; i < 4; i++) {
                Fixtures.enqueue("{\"contactId\":\"chat-" + UUID.randomUUID() + "\",\"queueId\":\"" + q
                        + "\",\"channel\":\"CHAT\",\"priority\":1}").statusCode(201);
            }
            for (int i = 0; i < 3; i++) {
                feed.next(OFFER_WAIT);
            }
            assertThat(feed.poll(Duration.ofSeconds(1))).isNull();
        }
    }

    @Test
    void transferKeepsContextAndOffersTheNamedAgentFirst() {
        String q = queue("{}");
        String first = agent(q, "{}");
        String expert = agent(q, "{}");
        Fixtures.state(first, "AVAILABLE", null).statusCode(200);
        String id = "c-" + UUID.randomUUID();
        try (SseFeed feed = SseFeed.offers(base, first); SseFeed expertFeed = SseFeed.offers(base, expert)) {
            Fixtures.enqueue(body(id, q, 1, "\"attributes\":{\"orderId\":\"A-1\"}")).statusCode(201);
            String offerId = feed.next(OFFER_WAIT).get("offerId").asText();
            given().header("Authorization", Tokens.agent(first)).post("/routing/offers/" + offerId + "/accept")
                    .then().statusCode(200);
            Fixtures.state(expert, "AVAILABLE", null).statusCode(200);
            given().header("Authorization", Tokens.agent(first)).contentType("application/json")
                    .body("{\"agentId\":\"" + expert + "\"}")
                    .when().post("/routing/contacts/" + id + "/transfer")
                    .then().statusCode(200).body("state", equalTo("QUEUED"));
            JsonNode offer = expertFeed.next(OFFER_WAIT);
            assertThat(offer.get("contactId").asText()).isEqualTo(id);
            assertThat(offer.at("/attributes/orderId").asText()).isEqualTo("A-1");
            agentState(first, "AVAILABLE");
        }
    }

    @Test
    void estimatesGivenAtEntryAreComparedWithTheWaitsThatFollowed() {
        String q = queue("{\"defaultHandleSeconds\":120}");
        String a = agent(q, "{}");
        Fixtures.state(a, "AVAILABLE", null).statusCode(200);
        String c1 = "c-" + UUID.randomUUID();
        String c2 = "c-" + UUID.randomUUID();
        try (SseFeed feed = SseFeed.offers(base, a)) {
            Fixtures.enqueue(body(c1, q, 1, null)).statusCode(201);
            Fixtures.enqueue(body(c2, q, 1, null)).statusCode(201);
            for (String expected : new String[] {c1, c2}) {
                JsonNode offer = feed.next(OFFER_WAIT);
                assertThat(offer.get("contactId").asText()).isEqualTo(expected);
                given().header("Authorization", Tokens.agent(a)).post("/routing/offers/" + offer.get("offerId").asText()
                        + "/accept").then().statusCode(200);
                given().header("Authorization", Tokens.agent(a)).contentType("application/json").body("{}")
                        .post("/routing/contacts/" + expected + "/complete").then().statusCode(200);
            }
        }
        given().header("Authorization", Tokens.bearer("supervisor")).when().get("/routing/queues/" + q + "/wait-estimates")
                .then().statusCode(200)
                .body("answered", equalTo(2))
                .body("meanAbsoluteErrorSeconds", org.hamcrest.Matchers.notNullValue())
                .body("byPosition.size()", org.hamcrest.Matchers.greaterThan(0));
        given().header("Authorization", Tokens.bearer("supervisor"))
                .when().get("/routing/queues/" + q + "/wait-estimates?from=yesterday")
                .then().statusCode(400).body("detail", containsString("from"));
    }

    static String queue(String definition) {
        String id = "q-" + UUID.randomUUID().toString().substring(0, 8);
        Fixtures.queue(id, definition);
        return id;
    }

    static String agent(String queue, String extra) {
        String id = "ag-" + UUID.randomUUID().toString().substring(0, 8);
        String fields = extra.equals("{}") ? "" : "," + extra;
        Fixtures.agent(id, "{\"queues\":{\"" + queue + "\":{\"level\":1,\"penalty\":0,\"weight\":1}}" + fields + "}");
        return id;
    }

    static String body(String id, String queue, int priority, String extra) {
        return "{\"contactId\":\"" + id + "\",\"queueId\":\"" + queue + "\",\"channel\":\"VOICE\",\"priority\":"
                + priority + (extra == null ? "" : "," + extra) + "}";
    }

    static String stateOf(String agentId) {
        return given().header("Authorization", Tokens.bearer("supervisor")).when().get("/routing/agents/" + agentId)
                .then().statusCode(200).extract().path("state");
    }

    static void agentState(String agentId, String expected) {
        Eventually.await(agentId + " is " + expected, Duration.ofSeconds(5), Duration.ofMillis(50),
                () -> stateOf(agentId).equals(expected));
    }

    private String type(String json) {
        try {
            return mapper.readTree(json).get("type").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
