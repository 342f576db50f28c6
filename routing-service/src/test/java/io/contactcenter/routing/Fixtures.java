package io.contactcenter.routing;

import static io.restassured.RestAssured.given;

import io.contactcenter.devstack.Tokens;
import io.restassured.response.ValidatableResponse;

/** Setup through the public API, as a supervisor console or agent desktop would do it. */
public final class Fixtures {

    private Fixtures() {
    }

    /** Creates or replaces queue {@code id} with a JSON definition ("{}" for the defaults). */
    public static void queue(String id, String definition) {
        given().header("Authorization", Tokens.bearer("admin")).contentType("application/json").body(definition)
                .when().put("/routing/queues/" + id)
                .then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    public static void agent(String id, String profile) {
        given().header("Authorization", Tokens.bearer("admin")).contentType("application/json").body(profile)
                .when().put("/routing/agents/" + id)
                .then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    public static ValidatableResponse state(String agentId, String state, String reason) {
        String body = reason == null ? "{\"state\":\"" + state + "\"}"
                : "{\"state\":\"" + state + "\",\"reasonCode\":\"" + reason + "\"}";
        return given().header("Authorization", Tokens.agent(agentId)).contentType("application/json").body(body)
                .when().post("/routing/agents/" + agentId + "/state").then();
    }

    public static ValidatableResponse enqueue(String body) {
        return given().header("Authorization", Tokens.bearer("telephony")).contentType("application/json").body(body)
                .when().post("/routing/contacts").then();
    }

    public static ValidatableResponse contact(String id) {
        return given().header("Authorization", Tokens.bearer("supervisor")).when().get("/routing/contacts/" + id).then();
    }
}
