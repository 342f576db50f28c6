package io.contactcenter.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactcenter.devstack.SseFeed;
import io.contactcenter.devstack.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every bad request gets a 4xx problem naming what to fix, and changes nothing. */
@QuarkusTest
@RoutingStack
class BadInputTest {

    @TestHTTPResource("/")
    URI base;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    @Test
    void controlCharactersInPathOrQueryAre400BeforeAnyLookup() {
        given().header("Authorization", Tokens.bearer("supervisor")).urlEncodingEnabled(false)
                .when().get("/routing/queues/a%00b")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("control character"));
        given().header("Authorization", Tokens.bearer("supervisor")).urlEncodingEnabled(false)
                .when().get("/routing/contacts/x%0d%0aSet-Cookie:%20y")
                .then().statusCode(400);
        given().header("Authorization", Tokens.bearer("supervisor")).urlEncodingEnabled(false)
                .when().get("/routing/agents?queue=%00")
                .then().statusCode(400).body("detail", containsString("queue"));
    }

    @Test
    void jsonNullBodyIs400AndCreatesNothing() {
        String q = "null-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", Tokens.bearer("admin")).contentType("application/json").body("null")
                .when().put("/routing/queues/" + q)
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("JSON null"));
        given().header("Authorization", Tokens.bearer("admin")).when().get("/routing/queues/" + q)
                .then().statusCode(404);
        given().header("Authorization", Tokens.bearer("telephony")).contentType("application/json").body(" null\n")
                .when().post("/routing/contacts")
                .then().statusCode(400);
    }

    @Test
    void valueTooLongForItsColumnIs400NotAServerError() {
        String q = "long-" + "q".repeat(300);
        given().header("Authorization", Tokens.bearer("admin")).contentType("application/json").body("{}")
                .when().put("/routing/queues/" + q)
                .then().statusCode(org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.greaterThanOrEqualTo(400),
                        org.hamcrest.Matchers.lessThan(500)));
    }

    @Test
    void invalidStrategyIs400NamingTheFieldAndCreatesNothing() {
        String q = "bad-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", Tokens.bearer("admin")).contentType("application/json")
                .body("{\"strategy\":\"FASTEST_FINGER\"}")
                .when().put("/routing/queues/" + q)
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("FASTEST_FINGER")).body("detail", containsString("strategy"));
        given().header("Authorization", Tokens.bearer("admin")).when().get("/routing/queues/" + q)
                .then().statusCode(404);
    }

    @Test
    void outOfRangeSettingsAndInvalidCalendarAreNamed() {
        String q = "bad-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", Tokens.bearer("admin")).contentType("application/json")
                .body("{\"offerTimeoutSeconds\":1,\"relaxation\":[{\"afterSeconds\":10,\"skill\":\"x\",\"minLevel\":7}]}")
                .when().put("/routing/queues/" + q)
                .then().statusCode(400)
                .body("errors.field", hasItem("offerTimeoutSeconds"))
                .body("errors.field", hasItem("relaxation[0].minLevel"));
        given().header("Authorization", Tokens.bearer("admin")).contentType("application/json")
                .body("{\"hours\":{\"zone\":\"Mars/Olympus\",\"weekly\":{\"MONDAY\":[{\"open\":\"09:00\",\"close\":\"09:00\"}]}}}")
                .when().put("/routing/queues/" + q)
                .then().statusCode(400)
                .body("detail", containsString("hours.zone"))
                .body("detail", containsString("hours.weekly.MONDAY[0]"));
        given().header("Authorization", Tokens.bearer("admin")).contentType("application/json")
                .body("{\"overflow\":[{\"afterSeconds\":5,\"then\":{\"action\":\"MOVE_TO_QUEUE\",\"targetQueueId\":\"nowhere\"}}]}")
                .when().put("/routing/queues/" + q)
                .then().statusCode(400).body("detail", containsString("unknown queue 'nowhere'"));
        given().header("Authorization", Tokens.bearer("admin")).when().get("/routing/queues/" + q).then().statusCode(404);
    }

    @Test
    void invalidSkillLevelAndUnknownMembershipAre400() {
        String q = AcdFlowTest.queue("{}");
        String a = "bad-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", Tokens.bearer("admin")).contentType("application/json")
                .body("{\"skills\":{\"french\":9},\"queues\":{\"" + q + "\":{\"level\":1,\"penalty\":0,\"weight\":1}}}")
                .when().put("/routing/agents/" + a)
                .then().statusCode(400).body("errors.field", hasItem(containsString("skills")));
        given().header("Authorization", Tokens.bearer("admin")).contentType("application/json")
                .body("{\"queues\":{\"no-such-queue\":{\"level\":1,\"penalty\":0,\"weight\":1}}}")
                .when().put("/routing/agents/" + a)
                .then().statusCode(400).body("detail", containsString("no-such-queue"));
        given().header("Authorization", Tokens.bearer("admin")).when().get("/routing/agents/" + a).then().statusCode(404);
    }

    @Test
    void unknownQueueAgentAndOfferAre404() {
        Fixtures.enqueue(AcdFlowTest.body("c-" + UUID.randomUUID(), "no-such-queue", 1, null)).statusCode(404)
                .body("detail", containsString("no-such-queue"));
        Fixtures.state("no-such-agent", "AVAILABLE", null).statusCode(404);
        given().header("Authorization", Tokens.bearer("supervisor")).when().get("/routing/queues/nope/status")
                .then().statusCode(404);
        given().header("Authorization", Tokens.agent("x")).when().post("/routing/offers/nope/accept")
                .then().statusCode(404);
    }

    @Test
    void notReadyNeedsAReasonAndRoutingStatesCannotBeSet() {
        String q = AcdFlowTest.queue("{}");
        String a = AcdFlowTest.agent(q, "{}");
        Fixtures.state(a, "NOT_READY", null).statusCode(400).body("detail", containsString("reasonCode"));
        Fixtures.state(a, "BUSY", null).statusCode(400).body("detail", containsString("set by routing"));
        Fixtures.state(a, "NOT_READY", "Lunch Break").statusCode(400).body("errors.field", hasItem("reasonCode"));
        given().header("Authorization", Tokens.bearer("supervisor")).when().get("/routing/agents/" + a)
                .then().body("state", equalTo("LOGGED_OUT"));
        // an agent may not change another agent's state
        given().header("Authorization", Tokens.agent("someone-else")).contentType("application/json")
                .body("{\"state\":\"AVAILABLE\"}").when().post("/routing/agents/" + a + "/state")
                .then().statusCode(403);
    }

    @Test
    void acceptingSomeoneElsesOrAnExpiredOfferIs409AndChangesNothing() {
        String q = AcdFlowTest.queue("{\"offerTimeoutSeconds\":5}");
        String a = AcdFlowTest.agent(q, "{}");
        Fixtures.state(a, "AVAILABLE", null).statusCode(200);
        String id = "c-" + UUID.randomUUID();
        try (SseFeed feed = SseFeed.offers(base, a)) {
            Fixtures.enqueue(AcdFlowTest.body(id, q, 1, null)).statusCode(201);
            JsonNode offer = feed.next(Duration.ofSeconds(10));
            String offerId = offer.get("offerId").asText();
            given().header("Authorization", Tokens.agent("intruder")).when().post("/routing/offers/" + offerId + "/accept")
                    .then().statusCode(409).body("detail", containsString("another agent"));
            given().header("Authorization", Tokens.agent("intruder")).when().post("/routing/offers/" + offerId + "/reject")
                    .then().statusCode(409);
            Fixtures.contact(id).body("state", equalTo("OFFERED")).body("agentId", equalTo(a));
            given().header("Authorization", Tokens.bearer("supervisor")).when().get("/routing/offers/" + offerId)
                    .then().body("status", equalTo("PENDING"));

            TestClock.advance(Duration.ofSeconds(6));
            given().header("Authorization", Tokens.agent(a)).when().post("/routing/offers/" + offerId + "/accept")
                    .then().statusCode(409);
            io.contactcenter.devstack.Eventually.await("offer timed out", Duration.ofSeconds(5), Duration.ofMillis(100),
                    () -> "TIMED_OUT".equals(given().header("Authorization", Tokens.bearer("supervisor"))
                            .when().get("/routing/offers/" + offerId).then().extract().path("status")));
            given().header("Authorization", Tokens.agent(a)).when().post("/routing/offers/" + offerId + "/accept")
                    .then().statusCode(409).body("detail", containsString("TIMED_OUT"));
            Fixtures.contact(id).body("state", equalTo("QUEUED"));
        }
    }

    @Test
    void completingOrTransferringAContactThatIsNotConnectedIs409() {
        String q = AcdFlowTest.queue("{}");
        String id = "c-" + UUID.randomUUID();
        Fixtures.enqueue(AcdFlowTest.body(id, q, 1, null)).statusCode(201);
        given().header("Authorization", Tokens.bearer("supervisor")).contentType("application/json").body("{}")
                .when().post("/routing/contacts/" + id + "/complete").then().statusCode(409);
        given().header("Authorization", Tokens.bearer("supervisor")).contentType("application/json").body("{}")
                .when().post("/routing/contacts/" + id + "/transfer").then().statusCode(400)
                .body("errors.field", hasItem("target"));
        Fixtures.contact(id).body("state", equalTo("QUEUED"));
    }

    @Test
    void deletingAQueueWithWaitingContactsIs409() {
        String q = AcdFlowTest.queue("{}");
        Fixtures.enqueue(AcdFlowTest.body("c-" + UUID.randomUUID(), q, 1, null)).statusCode(201);
        given().header("Authorization", Tokens.bearer("admin")).when().delete("/routing/queues/" + q)
                .then().statusCode(409).body("detail", containsString("waiting"));
        given().header("Authorization", Tokens.bearer("admin")).when().get("/routing/queues/" + q).then().statusCode(200);
        String idle = AcdFlowTest.queue("{}");
        given().header("Authorization", Tokens.bearer("admin")).when().delete("/routing/queues/" + idle).then().statusCode(204);
        given().header("Authorization", Tokens.bearer("admin")).when().get("/routing/queues/" + idle).then().statusCode(404);
    }
}
