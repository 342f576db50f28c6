package io.contactcenter.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.devstack.DevStack;
import io.contactcenter.devstack.Eventually;
import io.contactcenter.devstack.ServiceProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The agent desktop and the supervisor console in headless Chromium against the packaged services, wired as {@code up}
 * wires them (web-console forwards the pages' API calls). A caller goes through a real IVR flow with a CRM lookup; the
 * pages are driven by {@code tools/browser-tests/workspace.mjs} as people use them, and every value a page showed is
 * checked here against the service that owns it.
 */
class WorkspaceBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 10_000_000, 36);
    private static final String QUEUE_A = "desk-a-" + RUN;
    private static final String QUEUE_B = "desk-b-" + RUN;
    private static final String QUEUE_C = "desk-c-" + RUN;
    private static final String SERIAL = "48151623";
    private static ServiceProcess routing;
    private static ServiceProcess crm;
    private static ServiceProcess ivr;
    private static ServiceProcess callback;
    private static ServiceProcess reporting;
    private static ServiceProcess web;

    @BeforeAll
    static void start() {
        Stack.init();
        routing = ServiceProcess.start("routing", Map.of());
        crm = ServiceProcess.start("crm", Map.of());
        ivr = ServiceProcess.start("ivr", Map.of("CC_IVR_ROUTING_URL", routing.url(""), "CC_IVR_CRM_URL", crm.url(""),
                "CC_IVR_SERVICE_TOKEN", raw(Stack.token("service"))));
        callback = ServiceProcess.start("callback", Map.of());
        reporting = ServiceProcess.start("reporting", Map.of());
        web = ServiceProcess.start("web", Map.of("QUARKUS_PROFILE", "dev",
                "CC_WEB_DEV_SIGN_IN_KEY_LOCATION", DevStack.privateKey().toString(),
                "CC_WEB_UPSTREAMS_ROUTING", routing.url(""), "CC_WEB_UPSTREAMS_IVR", ivr.url(""),
                "CC_WEB_UPSTREAMS_CALLBACKS", callback.url(""), "CC_WEB_UPSTREAMS_CRM", crm.url(""),
                "CC_WEB_UPSTREAMS_REPORTS", reporting.url("")));
    }

    @AfterAll
    static void stop() {
        for (ServiceProcess p : new ServiceProcess[] {web, reporting, callback, ivr, crm, routing}) {
            if (p != null) {
                p.close();
            }
        }
    }

    @Test
    void anAgentsDayAndASupervisorsTaskInTheBrowser() throws Exception {
        // the center: three queues, three agents, a VIP customer with an open case, a partner, an IVR line
        Stack.queue(routing, QUEUE_A, "{\"strategy\":\"LONGEST_IDLE\",\"offerTimeoutSeconds\":30,\"wrapUpSeconds\":1}");
        Stack.queue(routing, QUEUE_B, "{\"strategy\":\"LONGEST_IDLE\",\"offerTimeoutSeconds\":30,\"wrapUpSeconds\":1}");
        Stack.queue(routing, QUEUE_C, "{\"strategy\":\"LONGEST_IDLE\",\"offerTimeoutSeconds\":6,\"wrapUpSeconds\":1}");
        String ann = "ann-" + RUN, bob = "bob-" + RUN, carl = "carl-" + RUN;
        agent(ann, QUEUE_A);
        agent(bob, QUEUE_B);
        agent(carl, QUEUE_C);
        String phone = "+4930" + (5_000_000 + (System.nanoTime() % 4_000_000));
        String customerId = given().header("Authorization", Stack.token("admin")).contentType("application/json")
                .body(Map.of("displayName", "Vera Vogel " + RUN, "segment", "VIP", "phones", List.of(phone), "region", "DE"))
                .when().post(crm.url("/crm/customers")).then().statusCode(201).extract().path("customerId");
        String openCase = given().header("Authorization", Stack.token("admin")).contentType("application/json")
                .body(Map.of("customerId", customerId, "category", "SERVICE_REQUEST", "priority", "HIGH",
                        "subject", "Winter tyres fitting"))
                .when().post(crm.url("/crm/cases")).then().statusCode(201).extract().path("caseId");
        String productLine = "tyres-" + RUN;
        given().header("Authorization", Stack.token("admin")).contentType("application/json")
                .body(Map.of("name", "Reifen Nord", "kind", "TECHNICIAN", "skills", List.of(productLine), "region", "north-" + RUN,
                        "capacity", 5))
                .when().put(crm.url("/crm/partners/partner-" + RUN)).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        given().header("Authorization", Stack.token("admin")).contentType("application/json")
                .body(Map.of("maxAttempts", 3, "minRetryIntervalSeconds", 60, "maxPerNumberPerDay", 3, "minAbandonWaitSeconds", 0,
                        "timeZone", "Europe/Berlin"))
                .put(callback.url("/callbacks/policies/" + QUEUE_A)).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        String flowId = "desk-" + RUN;
        String number = "+4940" + (7_000_000 + (System.nanoTime() % 2_000_000));
        flow(flowId, lineFlow(QUEUE_A));
        given().header("Authorization", Stack.token("admin")).post(ivr.url("/ivr/flows/" + flowId + "/publish")).then().statusCode(200);
        bind(number, flowId);
        String editFlow = "edit-" + RUN;
        String editNumber = "+4940" + (5_000_000 + (System.nanoTime() % 1_000_000));
        bind(editNumber, editFlow);

        Map<String, Object> scenario = new LinkedHashMap<>();
        scenario.put("base", web.url(""));
        scenario.put("run", RUN);
        scenario.put("shots", shots().toString());
        scenario.put("agentA", ann);
        scenario.put("agentB", bob);
        scenario.put("agentC", carl);
        scenario.put("supervisor", "sue-" + RUN);
        scenario.put("queueB", QUEUE_B);
        scenario.put("queueC", QUEUE_C);
        scenario.put("customerPhone", phone);
        scenario.put("number", number);
        scenario.put("serial", SERIAL);
        scenario.put("productLine", productLine);
        scenario.put("region", "north-" + RUN);
        scenario.put("telephonyToken", raw(Stack.token("telephony")));
        scenario.put("editFlow", editFlow);
        scenario.put("editNumber", editNumber);
        scenario.put("greetingV1", "Version one greets you.");
        scenario.put("greetingV2", "Version two greets you.");
        scenario.put("brokenFlow", editableFlow(QUEUE_A, "Version one greets you.").replace("noMatch: to-agent", "noMatch: nowhere"));
        scenario.put("fixedFlow", editableFlow(QUEUE_A, "Version one greets you."));

        JsonNode seen = browse(scenario);

        // the pop showed what the CRM and the IVR know, at both agents
        JsonNode context = given().header("Authorization", Stack.token("supervisor"))
                .get(crm.url("/crm/customers/" + customerId + "/context")).then().statusCode(200).extract().as(JsonNode.class);
        String contactId = seen.get("firstContact").asText();
        Map<String, String> attributes = given().header("Authorization", Stack.token("supervisor"))
                .get(routing.url("/routing/contacts/" + contactId)).then().statusCode(200).extract().path("attributes");
        for (String pop : List.of("popA", "popB")) {
            JsonNode p = seen.get(pop);
            assertThat(p.get("name").asText()).as(pop).isEqualTo(context.at("/customer/displayName").asText());
            assertThat(p.get("segment").asText()).as(pop).isEqualTo("VIP");
            assertThat(p.get("cases").toString()).as(pop).contains(openCase);
            assertThat(p.get("intent").asText()).as(pop).isEqualTo(attributes.get("intent")).isEqualTo("repair");
            assertThat(p.get("serial").asText()).as(pop).isEqualTo(attributes.get("serial")).isEqualTo(SERIAL);
        }
        assertThat(seen.get("ringing").asText()).isEqualTo("true");
        assertThat(seen.get("offerBackAfterReload").asBoolean()).as("a reconnect brings the pending offer back").isTrue();
        assertThat(seen.get("transferNotice").asText()).contains(QUEUE_B);
        assertThat(seen.get("timeoutNotice").asText()).contains("rang out");
        assertThat(seen.get("rejectNotice").asText()).contains("rejected");

        // the callback the first agent booked: the caller's number, tomorrow 10:00-12:00 Berlin, tied to the contact
        assertThat(seen.get("callbackText").asText()).contains("booked");
        given().header("Authorization", Stack.token("supervisor")).queryParam("queue", QUEUE_A).get(callback.url("/callbacks"))
                .then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.equalTo(1))
                .body("[0].phone", org.hamcrest.Matchers.equalTo(phone))
                .body("[0].parentContactId", org.hamcrest.Matchers.equalTo(contactId))
                .body("[0].status", org.hamcrest.Matchers.equalTo("SCHEDULED"))
                .body("[0].windowStart", org.hamcrest.Matchers.endsWith("T09:00:00Z"));

        // the case went to the partner; CRM has the wrap-up on the interaction
        String caseId = seen.get("caseId").asText();
        given().header("Authorization", Stack.token("supervisor")).get(crm.url("/crm/cases/" + caseId)).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("DISPATCHED"))
                .body("partnerId", org.hamcrest.Matchers.equalTo("partner-" + RUN))
                .body("contactId", org.hamcrest.Matchers.equalTo(contactId));
        given().header("Authorization", Stack.token("supervisor")).get(crm.url("/crm/interactions/" + contactId)).then().statusCode(200)
                .body("disposition", org.hamcrest.Matchers.equalTo("case-opened"))
                .body("wrappedBy", org.hamcrest.Matchers.equalTo(bob))
                .body("notes", org.hamcrest.Matchers.containsString("Dispatched to the partner"));

        // reporting counts a contact in the queue it ended in: queue B holds the agent's transfer (completed, with its
        // handle time) and the contact the supervisor moved there from C (still waiting): two transfers
        String from = Instant.now().truncatedTo(ChronoUnit.DAYS).toString();
        String to = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS).toString();
        Eventually.await("transfer and AHT in reporting", Duration.ofSeconds(30), Duration.ofMillis(500), () -> {
            JsonNode b = interval(QUEUE_B, from, to);
            return b.at("/rows/0/transfers").asLong() == 2 && b.at("/rows/0/offered").asLong() == 2
                    && b.at("/rows/0/averageHandleSeconds").asDouble() > 0;
        });

        // the supervisor moved a waiting contact, and the console's views hold
        String moved = seen.get("movedContact").asText();
        given().header("Authorization", Stack.token("supervisor")).get(routing.url("/routing/contacts/" + moved)).then()
                .body("queueId", org.hamcrest.Matchers.equalTo(QUEUE_B));
        assertThat(seen.get("filteredQueues").toString()).contains(QUEUE_A, QUEUE_B, QUEUE_C);
        assertThat(seen.get("filteredQueues")).hasSize(3);
        given().header("Authorization", Stack.token("supervisor")).get(routing.url("/routing/agents/" + bob)).then()
                .body("state", org.hamcrest.Matchers.equalTo("NOT_READY"));

        // the flow editor: the error at its node, the fix, the dry run, publish and rollback as calls hear them
        assertThat(seen.get("invalidNodes").toString()).contains("menu");
        assertThat(seen.get("errorNodes").toString()).contains("menu");
        assertThat(seen.get("invalidAfterFix").asInt()).isZero();
        assertThat(seen.get("simPath").asText()).contains("welcome").contains("menu").contains("serial").contains("queue");
        assertThat(seen.get("simEffects").asText()).contains("enqueue " + QUEUE_A);
        assertThat(seen.get("visitedNodes").toString()).contains("serial");
        assertThat(seen.get("greetingAfterPublish").asText()).contains("Version two");
        assertThat(seen.get("greetingAfterRollback").asText()).contains("Version one");
        given().header("Authorization", Stack.token("supervisor")).get(ivr.url("/ivr/flows/" + editFlow + "/versions")).then()
                .body("find { it.active }.version", org.hamcrest.Matchers.equalTo(1));

        // Persian: right to left, by computed style and layout
        assertThat(seen.at("/rtl/dir").asText()).isEqualTo("rtl");
        assertThat(seen.at("/rtl/lang").asText()).isEqualTo("fa");
        assertThat(seen.at("/rtl/header").asText()).isEqualTo("rtl");
        assertThat(seen.at("/rtl/main").asText()).isEqualTo("rtl");
        assertThat(seen.at("/rtl/myday").asText()).isEqualTo("rtl");
        assertThat(seen.at("/rtl/mydayLeftOfWork").asBoolean()).as("the side panel moves to the left").isTrue();
        assertThat(seen.at("/rtl/title").asText()).isEqualTo("میز کار کارشناس");
        assertThat(seen.at("/consoleRtl/tabs").asText()).isEqualTo("rtl");
        // the Persian calendar's month names and Persian digits, no Gregorian year
        assertThat(seen.get("slaFa").asText())
                .containsAnyOf("فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند")
                .containsPattern("[۰-۹]{4}")
                .doesNotContainPattern("[0-9]")
                .doesNotContain(String.valueOf(java.time.Year.now().getValue()));

        // strict CSP, nothing blocked, no script error
        assertThat(seen.get("cspHeader").asText()).contains("script-src 'self'").doesNotContain("unsafe-inline");
        assertThat(seen.get("cspViolations")).isEmpty();
        assertThat(seen.get("errors")).isEmpty();
        for (String shot : List.of("desk-offer", "desk-active", "desk-wrapup", "desk-fa", "console-live", "console-boards",
                "console-flow-error", "console-flow", "console-fa")) {
            assertThat(Files.size(shots().resolve(shot + ".png"))).as(shot).isPositive();
        }
    }

    @Test
    void devSignInRefusesBadInputAndTheProxyForwardsOnlyApiPaths() {
        given().contentType("application/json").body(Map.of("user", "", "role", "root"))
                .post(web.url("/auth/dev/token")).then().statusCode(400);
        given().contentType("application/json").body(Map.of("user", "x", "role", "telephony"))
                .post(web.url("/auth/dev/token")).then().statusCode(400);
        given().get(web.url("/q/metrics")).then().statusCode(200); // its own, not a service's
        given().get(web.url("/admin/dead-letters")).then().statusCode(404);
        given().get(web.url("/routing/queues")).then().statusCode(401); // forwarded: the service asks for a token
        given().header("Authorization", Stack.token("supervisor")).get(web.url("/routing/queues")).then().statusCode(200);
        given().get(web.url("/desk/")).then().statusCode(200)
                .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("frame-ancestors 'none'"));
    }

    private static JsonNode interval(String queue, String from, String to) {
        return given().header("Authorization", Stack.token("supervisor"))
                .queryParam("from", from).queryParam("to", to).queryParam("interval", "P1D")
                .get(reporting.url("/reports/queues/" + queue + "/intervals")).then().statusCode(200).extract().as(JsonNode.class);
    }

    private static JsonNode browse(Map<String, Object> scenario) throws Exception {
        Path file = DevStack.root().resolve("e2e-tests/target/workspace-scenario.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, JSON.writeValueAsString(scenario));
        Path tools = DevStack.root().resolve("tools/browser-tests");
        Path log = DevStack.root().resolve("e2e-tests/target/e2e-logs/workspace-browser.log");
        Process node = new ProcessBuilder("node", tools.resolve("workspace.mjs").toString(), file.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(node.waitFor(5, TimeUnit.MINUTES)).as("browser scenario finished").isTrue();
        String out = Files.readString(log, StandardCharsets.UTF_8).trim();
        assertThat(node.exitValue()).as(out).isZero();
        return JSON.readTree(out.lines().reduce((a, b) -> b).orElseThrow());
    }

    /** Screenshots: docs/screenshots when regenerating them for the README (CC_SCREENSHOTS=docs), else target. */
    private static Path shots() {
        String where = System.getenv().getOrDefault("CC_SCREENSHOTS", "");
        return "docs".equals(where) ? DevStack.root().resolve("docs/screenshots")
                : DevStack.root().resolve("e2e-tests/target/screenshots");
    }

    private static void agent(String id, String queue) {
        given().header("Authorization", Stack.token("admin")).contentType("application/json")
                .body("{\"skills\":{},\"queues\":{\"" + queue + "\":{\"level\":1,\"penalty\":0,\"weight\":1}}}")
                .put(routing.url("/routing/agents/" + id)).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    private static void flow(String id, String yaml) {
        given().header("Authorization", Stack.token("admin")).contentType("application/yaml").body(yaml.getBytes(StandardCharsets.UTF_8))
                .put(ivr.url("/ivr/flows/" + id)).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    private static void bind(String number, String flowId) {
        given().header("Authorization", Stack.token("admin")).contentType("application/json").body(Map.of("flowId", flowId))
                .put(ivr.url("/ivr/numbers/" + number)).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    /** The caller's line: CRM lookup, key 1 for repairs, the serial number, into queue A with the context. */
    static String lineFlow(String queue) {
        return editableFlow(queue, "Welcome to the repair line.");
    }

    static String editableFlow(String queue, String greeting) {
        return """
                name: Repair line
                language: en
                start: welcome
                operator: to-agent
                nodes:
                  welcome:
                    type: say
                    text: "%s"
                    next: who
                  who:
                    type: lookup
                    next: menu
                    notFound: menu
                    onError: menu
                  menu:
                    type: menu
                    text: "For a repair press 1."
                    options: {"1": serial}
                    timeoutSeconds: 5
                    maxRetries: 1
                    noInput: to-agent
                    noMatch: to-agent
                  serial:
                    type: collect
                    text: "Key in the 8-digit serial number."
                    variable: serial
                    minDigits: 8
                    maxDigits: 8
                    timeoutSeconds: 10
                    maxRetries: 1
                    next: queue
                    noInput: to-agent
                    noMatch: to-agent
                  queue:
                    type: enqueue
                    queue: %s
                    attributes: {customerId: "{customerId}", segment: "{segment}", intent: "repair", serial: "{serial}"}
                  to-agent:
                    type: enqueue
                    queue: %s
                    attributes: {customerId: "{customerId}", intent: "agent"}
                """.formatted(greeting, queue, queue);
    }

    private static String raw(String bearer) {
        return bearer.substring("Bearer ".length());
    }

}
