package io.contactcenter.crm;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import io.contactcenter.devstack.KafkaProbe;
import io.contactcenter.devstack.Tokens;
import io.contactcenter.events.EventTypes;
import io.contactcenter.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

@QuarkusTest
@CrmStack
class CaseDispatchTest {

    private static final String AGENT = Tokens.bearer("agent");
    private static final String SUPERVISOR = Tokens.bearer("supervisor");

    private static String region() {
        return "r-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    }

    private static String openCase(String customerId, String region, String category, boolean autoDispatch) {
        return given().header("Authorization", AGENT).contentType("application/json")
                .body("""
                        {"customerId":"%s","category":"%s","priority":"HIGH","productLine":"tyres","region":"%s",
                         "subject":"Tyre pressure warning","description":"Warning light since Monday","autoDispatch":%s}
                        """.formatted(customerId, category, region, autoDispatch))
                .when().post("/crm/cases")
                .then().statusCode(201)
                .body("status", equalTo(autoDispatch ? "DISPATCHED" : "REGISTERED"))
                .body("slaDueAt", notNullValue())
                .extract().path("caseId");
    }

    private static void status(String token, String caseId, String body, int expected) {
        given().header("Authorization", token).contentType("application/json").body(body)
                .when().post("/crm/cases/" + caseId + "/status")
                .then().statusCode(expected);
    }

    @Test
    void dispatchPicksTheLeastLoadedPartnerWithTheSkillInTheRegionAndFollowsTheCaseToResolution() {
        String region = region();
        String busy = CrmFixtures.partner(region, 2, "tyres");
        String free = CrmFixtures.partner(region, 2, "tyres", "brakes");
        CrmFixtures.partner(region, 5, "windscreens");
        CrmFixtures.partner(region(), 5, "tyres");
        var customer = CrmFixtures.customer("STANDARD");
        // load "busy" with one job first
        String first = openCase(customer.customerId(), region, "FAULT_REPORT", false);
        given().header("Authorization", SUPERVISOR).contentType("application/json").body("{\"partnerId\":\"" + busy + "\"}")
                .when().post("/crm/cases/" + first + "/dispatch").then().statusCode(200).body("partnerId", equalTo(busy));

        String caseId;
        try (KafkaProbe crm = KafkaProbe.tail(Topics.CRM)) {
            caseId = openCase(customer.customerId(), region, "FAULT_REPORT", true);
            given().header("Authorization", AGENT).when().get("/crm/cases/" + caseId)
                    .then().statusCode(200).body("partnerId", equalTo(free));
            String partnerToken = Tokens.as(free, "partner");
            status(partnerToken, caseId, "{\"status\":\"ACCEPTED\"}", 200);
            status(partnerToken, caseId, "{\"status\":\"ON_HOLD\"}", 400);
            status(partnerToken, caseId, "{\"status\":\"ON_HOLD\",\"delayReason\":\"waiting for parts\"}", 200);
            given().header("Authorization", AGENT).when().get("/crm/cases/" + caseId)
                    .then().body("delayReason", equalTo("waiting for parts"));
            status(partnerToken, caseId, "{\"status\":\"IN_PROGRESS\"}", 200);
            status(Tokens.as(busy, "partner"), caseId, "{\"status\":\"RESOLVED\"}", 403);
            status(partnerToken, caseId, "{\"status\":\"RESOLVED\",\"note\":\"valve replaced\"}", 200);
            status(partnerToken, caseId, "{\"status\":\"DISPATCHED\"}", 409);

            var events = crm.await(r -> r.value().contains(caseId) && r.value().contains(EventTypes.CASE_RESOLVED),
                    Duration.ofSeconds(15));
            assertThat(events).hasSize(1);
            assertThat(events.get(0).value()).contains("\"withinSla\":true").doesNotContain("Tyre pressure");
            assertThat(crm.collect(r -> r.value().contains(caseId), Duration.ofMillis(500)))
                    .extracting(r -> r.value().replaceAll(".*\"type\":\"io\\.contactcenter\\.([a-z.-]+)\".*", "$1"))
                    .containsExactly("case.opened", "case.dispatched", "case.status-changed", "case.status-changed",
                            "case.status-changed", "case.status-changed", "case.resolved");
        }
        given().header("Authorization", AGENT).when().get("/crm/cases/" + caseId)
                .then().statusCode(200)
                .body("status", equalTo("RESOLVED"))
                .body("resolvedAt", notNullValue())
                .body("history.status", contains("REGISTERED", "DISPATCHED", "ACCEPTED", "ON_HOLD", "IN_PROGRESS", "RESOLVED"))
                .body("history[3].delayReason", equalTo("waiting for parts"))
                .body("history[5].actor", equalTo(free));
        given().header("Authorization", AGENT).when().get("/crm/partners/" + free)
                .then().statusCode(200)
                .body("openJobs", equalTo(0))
                .body("slaMet", equalTo(1))
                .body("slaRecord", equalTo(1.0f));
        given().header("Authorization", AGENT).when().get("/crm/partners/" + busy)
                .then().body("openJobs", equalTo(1));
    }

    @Test
    void noPartnerWithCapacityLeavesTheCaseRegisteredAndOnlySupervisorsForce() {
        String region = region();
        String partner = CrmFixtures.partner(region, 1, "tyres");
        var customer = CrmFixtures.customer("STANDARD");
        openCase(customer.customerId(), region, "SERVICE_REQUEST", true);
        String waiting = openCase(customer.customerId(), region, "SERVICE_REQUEST", false);
        given().header("Authorization", AGENT).contentType("application/json").body("{}")
                .when().post("/crm/cases/" + waiting + "/dispatch")
                .then().statusCode(409).body("detail", containsString("tyres"));
        given().header("Authorization", AGENT).contentType("application/json").body("{\"partnerId\":\"" + partner + "\"}")
                .when().post("/crm/cases/" + waiting + "/dispatch")
                .then().statusCode(403);
        given().header("Authorization", SUPERVISOR).contentType("application/json")
                .body("{\"partnerId\":\"" + partner + "\",\"note\":\"VIP customer, squeeze it in\"}")
                .when().post("/crm/cases/" + waiting + "/dispatch")
                .then().statusCode(200)
                .body("status", equalTo("DISPATCHED"))
                .body("history[1].note", containsString("forced"));
        given().header("Authorization", AGENT).when().get("/crm/partners/" + partner)
                .then().body("openJobs", equalTo(2));
        // the partner hands it back: the slot is freed and the case can go elsewhere
        status(Tokens.as(partner, "partner"), waiting, "{\"status\":\"REGISTERED\",\"note\":\"no technician free\"}", 200);
        given().header("Authorization", AGENT).when().get("/crm/partners/" + partner)
                .then().body("openJobs", equalTo(1));
        given().header("Authorization", Tokens.as(partner, "partner")).when().get("/crm/cases/" + waiting)
                .then().statusCode(403);
    }

    @Test
    void twoDispatchesRacingForTheLastSlotCannotBothWin() {
        String region = region();
        String partner = CrmFixtures.partner(region, 1, "tyres");
        var customer = CrmFixtures.customer("STANDARD");
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            cases.add(openCase(customer.customerId(), region, "FAULT_REPORT", false));
        }
        List<CompletableFuture<Integer>> calls = cases.stream().map(id -> CompletableFuture.supplyAsync(() ->
                given().header("Authorization", AGENT).contentType("application/json").body("{}")
                        .when().post("/crm/cases/" + id + "/dispatch").statusCode())).toList();
        List<Integer> codes = calls.stream().map(CompletableFuture::join).toList();
        assertThat(codes).containsOnly(200, 409);
        assertThat(codes).filteredOn(c -> c == 200).hasSize(1);
        given().header("Authorization", AGENT).when().get("/crm/partners/" + partner)
                .then().body("openJobs", equalTo(1));
    }

    @Test
    void openCasesShowInTheCallersContextAndRaiseRisk() {
        String region = region();
        var customer = CrmFixtures.customer("VIP");
        String complaint = openCase(customer.customerId(), region, "COMPLAINT", false);
        given().header("Authorization", Tokens.bearer("telephony")).queryParam("phone", customer.phone())
                .when().get("/crm/customers/lookup")
                .then().statusCode(200)
                .body("openCases.caseId", contains(complaint))
                .body("openCases[0].category", equalTo("COMPLAINT"))
                .body("openCases[0].overdue", equalTo(false))
                .body("risk.reasons", contains("open-complaint"));
        given().header("Authorization", Tokens.bearer("telephony")).contentType("application/json")
                .body("""
                        {"uri":"https://recorder.example/r/%s.opus","mediaType":"audio/ogg","recordedAt":"2026-11-24T10:00:00Z",
                         "caseId":"%s"}
                        """.formatted(complaint, complaint))
                .when().post("/crm/recordings")
                .then().statusCode(201);
        given().header("Authorization", AGENT).when().get("/crm/cases/" + complaint)
                .then().statusCode(200)
                .body("recordings.uri", contains("https://recorder.example/r/" + complaint + ".opus"));
        given().header("Authorization", AGENT).queryParam("customerId", customer.customerId()).queryParam("status", "REGISTERED")
                .when().get("/crm/cases")
                .then().statusCode(200).body("caseId", contains(complaint));
    }

    @Test
    void badCaseInputIsRejectedAndChangesNothing() {
        given().header("Authorization", AGENT).contentType("application/json")
                .body("{\"customerId\":\"ghost\",\"category\":\"COMPLAINT\",\"subject\":\"x\"}")
                .when().post("/crm/cases")
                .then().statusCode(404).body("detail", containsString("ghost"));
        given().header("Authorization", AGENT).contentType("application/json")
                .body("{\"customerId\":\"x\",\"category\":\"PRAISE\",\"subject\":\"x\"}")
                .when().post("/crm/cases")
                .then().statusCode(400);
        given().header("Authorization", AGENT).contentType("application/json")
                .body("{\"category\":\"COMPLAINT\"}")
                .when().post("/crm/cases")
                .then().statusCode(400).body("errors.field", hasItems("customerId", "subject"));
        given().header("Authorization", SUPERVISOR).contentType("application/json")
                .body("{\"name\":\"\",\"kind\":\"TECHNICIAN\",\"skills\":[],\"region\":\"n\",\"capacity\":-1}")
                .when().put("/crm/partners/bad")
                .then().statusCode(400).body("errors.field", hasItems("name", "skills", "capacity"));
        given().header("Authorization", AGENT).when().get("/crm/partners/bad").then().statusCode(404);
        given().header("Authorization", AGENT).contentType("application/json").body("{\"status\":\"CLOSED\"}")
                .when().post("/crm/cases/no-such-case/status")
                .then().statusCode(404);
    }
}
