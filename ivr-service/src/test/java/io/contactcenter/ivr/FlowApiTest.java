package io.contactcenter.ivr;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.contactcenter.devstack.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@IvrStack
class FlowApiTest {

    static final String ADMIN = Tokens.bearer("admin");

    static String sample() throws IOException {
        try (var in = FlowApiTest.class.getResourceAsStream("/flows/after-sales.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static final String SMALL = """
            {"name":"small","start":"m","operator":"q","nodes":{
              "m":{"type":"menu","text":"Press 1","options":{"1":"q"},"timeoutSeconds":5,"maxRetries":1,"noInput":"q","noMatch":"q"},
              "q":{"type":"enqueue","queue":"support"}}}""";

    @Test
    void jsonNullFlowDocumentIs400AndStoresNothing() {
        String id = "null-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", ADMIN).contentType("application/json").body("null")
                .when().put("/ivr/flows/" + id)
                .then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", ADMIN).when().get("/ivr/flows/" + id + "/versions")
                .then().statusCode(org.hamcrest.Matchers.oneOf(404, 200));
        given().header("Authorization", ADMIN).urlEncodingEnabled(false).when().get("/ivr/flows/x%00y")
                .then().statusCode(400);
    }

    @Test
    void draftPublishNewVersionAndRollBack() throws IOException {
        String id = "f-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", ADMIN).contentType("application/yaml").body(sample().getBytes(StandardCharsets.UTF_8))
                .when().put("/ivr/flows/" + id)
                .then().statusCode(200).body("version", equalTo(1)).body("status", equalTo("DRAFT"));
        given().header("Authorization", ADMIN).when().get("/ivr/flows/" + id).then().statusCode(404);
        given().header("Authorization", ADMIN).when().post("/ivr/flows/" + id + "/publish")
                .then().statusCode(200).body("status", equalTo("PUBLISHED")).body("active", equalTo(true));
        given().header("Authorization", ADMIN).when().post("/ivr/flows/" + id + "/publish").then().statusCode(409);
        given().header("Authorization", ADMIN).contentType("application/json").body(SMALL)
                .when().put("/ivr/flows/" + id).then().statusCode(200).body("version", equalTo(2));
        given().header("Authorization", ADMIN).when().get("/ivr/flows/" + id)
                .then().statusCode(200).body("version", equalTo(1)).body("document.start", equalTo("welcome"));
        given().header("Authorization", ADMIN).when().post("/ivr/flows/" + id + "/publish").then().body("version", equalTo(2));
        given().header("Authorization", ADMIN).contentType("application/json").body("{\"version\":1}")
                .when().post("/ivr/flows/" + id + "/rollback").then().statusCode(200).body("active", equalTo(true));
        given().header("Authorization", ADMIN).when().get("/ivr/flows/" + id).then().body("version", equalTo(1));
        given().header("Authorization", ADMIN).contentType("application/json").body("{\"version\":7}")
                .when().post("/ivr/flows/" + id + "/rollback").then().statusCode(409);
        given().header("Authorization", ADMIN).when().get("/ivr/flows/" + id + "/versions")
                .then().statusCode(200).body("version", contains(1, 2)).body("status", contains("PUBLISHED", "PUBLISHED"));
    }

    @Test
    void anInvalidFlowIsRefusedWithEveryProblemAndStoresNothing() {
        String id = "bad-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", ADMIN).contentType("application/json")
                .body("""
                        {"name":"bad","start":"m","nodes":{
                          "m":{"type":"menu","text":"Hi {who}","options":{"1":"gone"}},
                          "x":{"type":"say","text":"never"}}}""")
                .when().put("/ivr/flows/" + id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("flow", "nodes.m", "nodes.x"))
                .body("errors.message", hasItems("leads to 'gone', which is not a node of this flow", "unknown variable 'who'",
                        "unreachable: no path from start leads here"));
        given().header("Authorization", ADMIN).contentType("application/yaml").body("nodes: [unclosed".getBytes(StandardCharsets.UTF_8))
                .when().put("/ivr/flows/" + id).then().statusCode(400).body("detail", containsString("line"));
        given().header("Authorization", ADMIN).when().get("/ivr/flows/" + id + "/versions").then().statusCode(404);
    }

    @Test
    void aDryRunShowsThePathAndActionsForScriptedInputs() {
        given().header("Authorization", ADMIN).contentType("application/json")
                .body("""
                        {"crm":{"customerId":"c-9","segment":"STANDARD","openCases":1,"caseId":"K-1","caseStatus":"ON_HOLD"},
                         "hoursOpen":{"support":true},"now":"2026-11-24T10:00:00Z",
                         "inputs":[{"type":"speech","text":"what is the status of my order","confidence":0.92},
                                   {"type":"digits","digits":"1"}]}""")
                .when().post("/ivr/flows/after-sales/simulate")
                .then().statusCode(200)
                .body("path", contains("welcome", "who", "vip-check", "hours", "main-menu", "follow-up", "status", "status-menu",
                        "goodbye"))
                .body("outcome", equalTo("contained"))
                .body("steps[1].actions.text", hasItems("Your service request K-1 is ON_HOLD."))
                .body("variables.intent", equalTo("follow-up"));
        given().header("Authorization", ADMIN).contentType("application/json")
                .body("{\"crmDown\":true,\"inputs\":[{\"type\":\"digits\",\"digits\":\"0\"}]}")
                .when().post("/ivr/flows/after-sales/simulate")
                .then().statusCode(200)
                .body("path", contains("welcome", "who", "hours", "main-menu", "agent-general"))
                .body("outcome", equalTo("enqueued"))
                .body("effects[0]", containsString("enqueue support"));
        given().header("Authorization", ADMIN).contentType("application/json").body("{\"inputs\":[{\"type\":\"teleport\"}]}")
                .when().post("/ivr/flows/after-sales/simulate").then().statusCode(400);
    }
}
