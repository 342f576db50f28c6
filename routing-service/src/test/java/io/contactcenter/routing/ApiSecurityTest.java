package io.contactcenter.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.contactcenter.devstack.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@RoutingStack
class ApiSecurityTest {

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URI base;

    private static final String BODY = "{\"contactId\":\"sec-1\",\"queueId\":\"support\",\"channel\":\"VOICE\",\"priority\":1}";

    @Test
    void rejectsRequestsWithoutTokenAsProblem401() {
        given().contentType("application/json").body(BODY)
                .when().post("/routing/contacts")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401))
                .body("instance", equalTo("/routing/contacts"));
    }

    @Test
    void rejectsExpiredToken() {
        given().header("Authorization", Tokens.expired("telephony"))
                .when().get("/routing/contacts/nobody")
                .then().statusCode(401)
                .contentType("application/problem+json");
    }

    /** Each of these is refused as 401, whatever role it claims: only tokens this suite's issuer made for it pass. */
    @Test
    void rejectsForeignUnsignedOrOverageTokens() {
        java.util.Map<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put("wrong issuer", Tokens.wrongIssuer("admin"));
        bad.put("wrong audience", Tokens.wrongAudience("admin"));
        bad.put("expired", Tokens.expired("admin"));
        bad.put("issued 13 hours ago", Tokens.tooOld("admin"));
        bad.put("alg none", Tokens.unsigned("admin"));
        bad.put("another key", Tokens.otherKey("admin"));
        bad.forEach((why, token) -> given().header("Authorization", token)
                .when().get("/routing/queues")
                .then().statusCode(401).contentType("application/problem+json"));
        given().header("Authorization", Tokens.bearer("admin")).when().get("/routing/queues").then().statusCode(200);
    }

    @Test
    void rejectsTokenSignedByAnotherKey() {
        // a structurally valid RS256 token whose signature does not match the trusted key
        String forged = Tokens.bearer("admin");
        String[] parts = forged.substring("Bearer ".length()).split("\\.");
        String tampered = "Bearer " + parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        given().header("Authorization", tampered)
                .when().get("/routing/contacts/nobody")
                .then().statusCode(401);
    }

    @Test
    void forbidsAgentsFromEnqueueingAsProblem403() {
        given().header("Authorization", Tokens.bearer("agent")).contentType("application/json").body(BODY)
                .when().post("/routing/contacts")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("title", equalTo("Forbidden"));
    }

    /**
     * An offer and its contact carry the caller's number and CRM context: the agent it went to reads them, another
     * agent gets 403 (writes were checked before; reads now are too), a supervisor reads everything.
     */
    @Test
    void agentsReadOnlyTheirOwnOffersContactsAndProfile() throws Exception {
        String run = java.util.UUID.randomUUID().toString().substring(0, 8);
        String queue = "scope-" + run;
        String owner = "owner-" + run;
        String other = "other-" + run;
        Fixtures.queue(queue, "{\"offerTimeoutSeconds\":120}");
        Fixtures.agent(owner, "{\"queues\":{\"" + queue + "\":{\"level\":1,\"penalty\":0,\"weight\":1}}}");
        Fixtures.agent(other, "{\"queues\":{}}");
        Fixtures.state(owner, "AVAILABLE", null).statusCode(200);
        String contact = "scope-c-" + run;
        try (var feed = io.contactcenter.devstack.SseFeed.offers(base, owner)) {
            Fixtures.enqueue("{\"contactId\":\"" + contact + "\",\"queueId\":\"" + queue
                    + "\",\"channel\":\"VOICE\",\"priority\":1,\"attributes\":{\"phone\":\"+4940123\"}}").statusCode(201);
            String offer = feed.next(java.time.Duration.ofSeconds(10)).get("offerId").asText();

            given().header("Authorization", Tokens.agent(owner)).when().get("/routing/offers/" + offer)
                    .then().statusCode(200).body("contactId", equalTo(contact));
            given().header("Authorization", Tokens.agent(other)).when().get("/routing/offers/" + offer)
                    .then().statusCode(403).contentType("application/problem+json");
            given().header("Authorization", Tokens.agent(owner)).when().get("/routing/contacts/" + contact)
                    .then().statusCode(200).body("attributes.phone", equalTo("+4940123"));
            given().header("Authorization", Tokens.agent(other)).when().get("/routing/contacts/" + contact)
                    .then().statusCode(403);
            given().header("Authorization", Tokens.agent(other)).when().get("/routing/agents/" + owner)
                    .then().statusCode(403);
            given().header("Authorization", Tokens.agent(owner)).when().get("/routing/agents/" + owner)
                    .then().statusCode(200);
            given().header("Authorization", Tokens.bearer("supervisor")).when().get("/routing/offers/" + offer)
                    .then().statusCode(200);
            given().header("Authorization", Tokens.bearer("supervisor")).when().get("/routing/contacts/" + contact)
                    .then().statusCode(200);
            given().header("Authorization", Tokens.bearer("supervisor")).when().get("/routing/agents/" + owner)
                    .then().statusCode(200);
        }
    }

    @Test
    void keepsHealthMetricsAndOpenApiOpen() {
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("/routing/contacts"));
    }
}
