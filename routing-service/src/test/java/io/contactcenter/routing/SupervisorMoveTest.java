package io.contactcenter.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.contactcenter.devstack.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The console's view of a queue's waiting contacts, and a supervisor moving one to another queue. */
@QuarkusTest
@RoutingStack
class SupervisorMoveTest {

    private static final String SUPERVISOR = Tokens.bearer("supervisor");

    @Test
    void aSupervisorMovesAWaitingContactAndItKeepsItsPlaceInLine() {
        String from = "move-from-" + UUID.randomUUID();
        String to = "move-to-" + UUID.randomUUID();
        Fixtures.queue(from, "{}");
        Fixtures.queue(to, "{}");
        String first = "c-" + UUID.randomUUID();
        String second = "c-" + UUID.randomUUID();
        String already = "c-" + UUID.randomUUID();
        Fixtures.enqueue(body(already, to, "2026-01-01T09:00:00Z")).statusCode(201);
        Fixtures.enqueue(body(first, from, "2026-01-01T08:00:00Z")).statusCode(201);
        Fixtures.enqueue(body(second, from, "2026-01-01T10:00:00Z")).statusCode(201);

        given().header("Authorization", SUPERVISOR).queryParam("queue", from).when().get("/routing/contacts")
                .then().statusCode(200)
                .body("contactId", contains(first, second))
                .body("position", contains(1, 2));

        given().header("Authorization", SUPERVISOR).contentType("application/json").body("{\"queueId\":\"" + to + "\"}")
                .when().post("/routing/contacts/" + first + "/transfer")
                .then().statusCode(200).body("queueId", equalTo(to)).body("state", equalTo("QUEUED"));
        // it entered earlier than the contact already waiting there, so it is served first
        given().header("Authorization", SUPERVISOR).queryParam("queue", to).when().get("/routing/contacts")
                .then().statusCode(200).body("contactId", contains(first, already));
        given().header("Authorization", SUPERVISOR).queryParam("queue", from).when().get("/routing/contacts")
                .then().statusCode(200).body("contactId", contains(second));
    }

    @Test
    void movesThatCannotBeDoneAreRefusedAndChangeNothing() {
        String q = "move-bad-" + UUID.randomUUID();
        Fixtures.queue(q, "{}");
        String c = "c-" + UUID.randomUUID();
        Fixtures.enqueue(body(c, q, null)).statusCode(201);

        given().header("Authorization", SUPERVISOR).contentType("application/json").body("{\"queueId\":\"" + q + "\"}")
                .when().post("/routing/contacts/" + c + "/transfer")
                .then().statusCode(409).body("detail", containsString("already waits"));
        given().header("Authorization", SUPERVISOR).contentType("application/json").body("{\"queueId\":\"no-such-queue\"}")
                .when().post("/routing/contacts/" + c + "/transfer")
                .then().statusCode(404);
        given().header("Authorization", Tokens.agent("ann")).contentType("application/json").body("{\"queueId\":\"x\"}")
                .when().post("/routing/contacts/" + c + "/transfer")
                .then().statusCode(409).body("detail", containsString("only a connected contact"));
        given().header("Authorization", SUPERVISOR).when().get("/routing/contacts")
                .then().statusCode(400);
        given().header("Authorization", Tokens.agent("ann")).queryParam("queue", q).when().get("/routing/contacts")
                .then().statusCode(403);
        Fixtures.contact(c).statusCode(200).body("queueId", equalTo(q)).body("state", equalTo("QUEUED"));
    }

    private static String body(String id, String queue, String virtualStart) {
        return "{\"contactId\":\"" + id + "\",\"queueId\":\"" + queue + "\",\"channel\":\"VOICE\",\"priority\":0"
                + (virtualStart == null ? "" : ",\"virtualStartTime\":\"" + virtualStart + "\"") + "}";
    }
}
