package io.contactcenter.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.devstack.DevStack;
import io.contactcenter.devstack.Eventually;
import io.contactcenter.devstack.ServiceProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Web chat end to end in headless Chromium: customers on a shop's page of another origin (with a strict CSP) use the
 * embedded widget; routing offers their chats to an agent in the desk, who holds two at once; messages, typing and the
 * end travel both ways. Checked afterwards in messaging-service, routing and the CRM's timeline (the transcript).
 */
class ChatBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 10_000_000, 36);
    private static final String QUEUE = "chat-" + RUN;
    private static ServiceProcess routing;
    private static ServiceProcess crm;
    private static ServiceProcess messaging;
    private static ServiceProcess callback;
    private static ServiceProcess web;
    private static int shopPort;

    @BeforeAll
    static void start() throws IOException {
        Stack.init();
        try (ServerSocket s = new ServerSocket(0)) {
            shopPort = s.getLocalPort();
        }
        routing = ServiceProcess.start("routing", Map.of());
        crm = ServiceProcess.start("crm", Map.of());
        callback = ServiceProcess.start("callback", Map.of());
        messaging = ServiceProcess.start("messaging", Map.of("CC_MESSAGING_CRM_URL", crm.url(""),
                "CC_MESSAGING_CALLBACK_URL", callback.url(""),
                "CC_MESSAGING_ROUTING_URL", routing.url(""), "CC_MESSAGING_SERVICE_TOKEN", raw(Stack.token("service")),
                "CC_MESSAGING_CHAT_DEFAULT_QUEUE", QUEUE,
                "CC_MESSAGING_CHAT_WIDGET_ORIGINS", "http://localhost:" + shopPort));
        web = ServiceProcess.start("web", Map.of("QUARKUS_PROFILE", "dev",
                "CC_WEB_DEV_SIGN_IN_KEY_LOCATION", DevStack.privateKey().toString(),
                "CC_WEB_UPSTREAMS_ROUTING", routing.url(""), "CC_WEB_UPSTREAMS_CRM", crm.url(""),
                "CC_WEB_UPSTREAMS_MESSAGING", messaging.url("")));
    }

    @AfterAll
    static void stop() {
        for (ServiceProcess p : new ServiceProcess[] {web, messaging, callback, crm, routing}) {
            if (p != null) {
                p.close();
            }
        }
    }

    @Test
    void customersChatThroughTheWidgetWithAnAgentWhoHoldsTwoChatsInTheDesk() throws Exception {
        Stack.queue(routing, QUEUE, "{\"strategy\":\"LONGEST_IDLE\",\"offerTimeoutSeconds\":30,\"wrapUpSeconds\":1}");
        String agent = "cleo-" + RUN;
        given().header("Authorization", Stack.token("admin")).contentType("application/json")
                .body("{\"skills\":{},\"queues\":{\"" + QUEUE + "\":{\"level\":1,\"penalty\":0,\"weight\":1}},"
                        + "\"capacity\":{\"CHAT\":2}}")
                .put(routing.url("/routing/agents/" + agent)).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        String email = "mia." + RUN + "@example.com";
        String customerId = given().header("Authorization", Stack.token("admin")).contentType("application/json")
                .body(Map.of("displayName", "Mia Muster " + RUN, "email", email, "segment", "STANDARD",
                        "phones", List.of("+4930" + (3_000_000 + (System.nanoTime() % 2_000_000)))))
                .when().post(crm.url("/crm/customers")).then().statusCode(201).extract().path("customerId");

        given().header("Authorization", Stack.token("admin")).contentType("application/json")
                .body(Map.of("maxAttempts", 3, "minRetryIntervalSeconds", 60, "maxPerNumberPerDay", 3, "minAbandonWaitSeconds", 0,
                        "timeZone", "Etc/UTC", "callingHours", Map.of("weekly", allWeek(), "holidays", List.of())))
                .put(callback.url("/callbacks/policies/" + QUEUE)).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        String callMe = "+4930" + (7_000_000 + (System.nanoTime() % 2_000_000));
        Map<String, Object> scenario = new LinkedHashMap<>();
        scenario.put("callMe", callMe);
        scenario.put("web", web.url(""));
        scenario.put("messaging", "http://localhost:" + messaging.port);
        scenario.put("shopPort", shopPort);
        scenario.put("queue", QUEUE);
        scenario.put("agent", agent);
        scenario.put("customerName", "Mia Muster");
        scenario.put("customerEmail", email);
        scenario.put("secondPhone", "+4930" + (6_000_000 + (System.nanoTime() % 3_000_000)));
        scenario.put("shots", DevStack.root().resolve("e2e-tests/target/screenshots").toString());
        JsonNode seen = browse(scenario);

        assertThat(seen.path("error").asText("")).as(seen.toString()).isEmpty();
        assertThat(seen.get("prechatRefusal").asText()).contains("e-mail address or a phone number");
        assertThat(seen.get("waitingStatus").asText()).startsWith("Waiting for an agent");
        assertThat(seen.get("offerChannel").asText()).contains("chat").contains(QUEUE);
        assertThat(seen.get("agentFirstMessage").asText()).isEqualTo("My washer leaks at the door.");
        assertThat(seen.get("assignedStatus").asText()).contains(agent);
        assertThat(seen.get("customerSawTyping").asBoolean()).isTrue();
        assertThat(seen.get("customerSawReply").asText()).isEqualTo("Hello, this is " + agent + ". Is the door seal torn?");
        assertThat(seen.get("agentSawAnswer").asText()).isEqualTo("Yes, at the bottom.");
        assertThat(seen.get("afterReload").toString()).contains("My washer leaks").contains("Yes, at the bottom.");
        assertThat(seen.get("chatsAtOnce").asInt()).isEqualTo(2);
        // "call me instead": booked in callback-service for the chat's contact, noted in the chat
        assertThat(seen.get("callbackNote").asText()).startsWith("Callback to " + callMe + " booked");
        assertThat(seen.get("endedStatus").asText()).contains("ended");
        assertThat(seen.get("chatsAfterEnd").asInt()).isEqualTo(1);
        assertThat(seen.get("errors")).as("page errors").isEmpty();
        assertThat(seen.get("csp")).as("CSP violations on the shop's page or the desk").isEmpty();

        // messaging-service: the conversation, resolved, known as the CRM customer, its three messages in order
        String conversationId = seen.get("conversation").asText();
        JsonNode conversation = poll("conversation resolved", Duration.ofSeconds(15), () -> {
            JsonNode c = given().header("Authorization", Stack.token("supervisor"))
                    .get(messaging.url("/messaging/conversations/" + conversationId)).then().statusCode(200)
                    .extract().as(JsonNode.class);
            return "CLOSED".equals(c.path("status").asText()) ? c : null;
        });
        assertThat(conversation.get("closeReason").asText()).isEqualTo("RESOLVED");
        assertThat(conversation.get("customerId").asText()).isEqualTo(customerId);
        assertThat(conversation.get("firstResponseAt").isNull()).isFalse();
        List<String> directions = JSON.convertValue(conversation.findValues("direction"), JSON.getTypeFactory()
                .constructCollectionType(List.class, String.class));
        assertThat(directions).containsExactly("IN", "OUT", "IN", "SYSTEM");

        // routing: a CHAT contact, handled by the agent and completed
        String contactId = conversation.get("contactId").asText();
        given().header("Authorization", Stack.token("supervisor")).get(routing.url("/routing/contacts/" + contactId))
                .then().statusCode(200)
                .body("channel", org.hamcrest.Matchers.equalTo("CHAT"))
                .body("agentId", org.hamcrest.Matchers.equalTo(agent))
                .body("state", org.hamcrest.Matchers.equalTo("COMPLETED"));

        given().header("Authorization", Stack.token("supervisor")).queryParam("queue", QUEUE).get(callback.url("/callbacks"))
                .then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.equalTo(1))
                .body("[0].phone", org.hamcrest.Matchers.equalTo(callMe))
                .body("[0].parentContactId", org.hamcrest.Matchers.equalTo(contactId));

        // CRM: the chat is on the customer's timeline with its transcript
        JsonNode timelineEntry = poll("transcript on the CRM timeline", Duration.ofSeconds(20), () -> {
            JsonNode entries = given().header("Authorization", Stack.token("supervisor"))
                    .get(crm.url("/crm/customers/" + customerId + "/interactions")).then().statusCode(200).extract().as(JsonNode.class);
            for (JsonNode e : entries) {
                if (contactId.equals(e.path("interactionId").asText()) && e.path("transcript").size() == 3
                        && "COMPLETED".equals(e.path("outcome").asText())) {
                    return e;
                }
            }
            return null;
        });
        assertThat(timelineEntry.get("channel").asText()).isEqualTo("CHAT");
        assertThat(timelineEntry.get("transcript").get(1).get("text").asText()).startsWith("Hello, this is " + agent);
        assertThat(timelineEntry.get("transcript").get(1).get("direction").asText()).isEqualTo("OUT");
    }

    private static JsonNode browse(Map<String, Object> scenario) throws Exception {
        Path file = DevStack.root().resolve("e2e-tests/target/chat-scenario.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, JSON.writeValueAsString(scenario));
        Path log = DevStack.root().resolve("e2e-tests/target/e2e-logs/chat-browser.log");
        Files.createDirectories(log.getParent());
        Process node = new ProcessBuilder("node", DevStack.root().resolve("tools/browser-tests/chat.mjs").toString(),
                file.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(node.waitFor(4, TimeUnit.MINUTES)).as("browser scenario finished").isTrue();
        String out = Files.readString(log, StandardCharsets.UTF_8).trim();
        assertThat(node.exitValue()).as(out).isZero();
        return JSON.readTree(out.lines().reduce((a, b) -> b).orElseThrow());
    }

    private static JsonNode poll(String what, Duration timeout, java.util.function.Supplier<JsonNode> probe) {
        JsonNode[] found = new JsonNode[1];
        Eventually.await(what, timeout, Duration.ofMillis(250), () -> (found[0] = probe.get()) != null);
        return found[0];
    }

    /** Calling hours around the clock: the test runs at any hour. */
    private static Map<String, Object> allWeek() {
        Map<String, Object> weekly = new LinkedHashMap<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            weekly.put(day, List.of(Map.of("open", "00:00", "close", "23:59")));
        }
        return weekly;
    }

    private static String raw(String bearer) {
        return bearer.substring("Bearer ".length());
    }
}
