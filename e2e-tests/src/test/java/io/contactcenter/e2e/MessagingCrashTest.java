package io.contactcenter.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactcenter.devstack.Eventually;
import io.contactcenter.devstack.KafkaProbe;
import io.contactcenter.devstack.ServiceProcess;
import io.contactcenter.devstack.SseFeed;
import io.contactcenter.devstack.Tokens;
import io.contactcenter.events.EventTypes;
import io.contactcenter.events.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of messaging-service in the middle of a busy chat loses no message: customer and agent keep posting (a post
 * whose answer was lost is retried with the same client id, as the widget and the desk do); after the restart every
 * message is stored exactly once, in one gap-free sequence, announced on cc.messaging, and the customer's stream,
 * reconnected from the last seq it saw, has them all.
 */
class MessagingCrashTest {

    private static final String RUN = Long.toString(System.currentTimeMillis() % 10_000_000, 36);
    private static final String QUEUE = "chat-crash-" + RUN;
    private static final int EACH = 120;
    private static ServiceProcess routing;
    private static ServiceProcess messaging;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

    @BeforeAll
    static void start() {
        Stack.init();
        routing = ServiceProcess.start("routing", Map.of());
        messaging = startMessaging(ServiceProcess.freePort());
    }

    private static ServiceProcess startMessaging(int port) {
        return ServiceProcess.start("messaging", port, Map.of("CC_MESSAGING_ROUTING_URL", routing.url(""),
                "CC_MESSAGING_SERVICE_TOKEN", Stack.token("service").substring(7), "CC_MESSAGING_CHAT_DEFAULT_QUEUE", QUEUE),
                List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    }

    @AfterAll
    static void stop() {
        for (ServiceProcess p : new ServiceProcess[] {messaging, routing}) {
            if (p != null) {
                p.close();
            }
        }
    }

    @Test
    void killMinus9MidConversationLosesNoMessage() throws Exception {
        Stack.queue(routing, QUEUE, "{\"strategy\":\"LONGEST_IDLE\",\"offerTimeoutSeconds\":30,\"wrapUpSeconds\":1}");
        String agent = "kim-" + RUN;
        given().header("Authorization", Stack.token("admin")).contentType("application/json")
                .body("{\"skills\":{},\"queues\":{\"" + QUEUE + "\":{\"level\":1,\"penalty\":0,\"weight\":1}},\"capacity\":{\"CHAT\":3}}")
                .put(routing.url("/routing/agents/" + agent)).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        given().header("Authorization", Tokens.agent(agent)).contentType("application/json").body("{\"state\":\"AVAILABLE\"}")
                .post(routing.url("/routing/agents/" + agent + "/state")).then().statusCode(200);

        var started = given().contentType("application/json")
                .body(Map.of("name", "Crash Test", "phone", "+4930" + (4_000_000 + System.nanoTime() % 4_000_000), "text", "start"))
                .post(messaging.url("/messaging/chat/conversations")).then().statusCode(201).extract().jsonPath();
        String id = started.getString("conversationId");
        String token = started.getString("token");
        try (SseFeed offers = SseFeed.offers(URI.create(routing.url("")), agent)) {
            JsonNode offer = offers.next(Duration.ofSeconds(15));
            given().header("Authorization", Tokens.agent(agent)).post(routing.url("/routing/offers/" + offer.get("offerId").asText() + "/accept"))
                    .then().statusCode(200);
        }
        Eventually.await("assigned", Duration.ofSeconds(15), Duration.ofMillis(100), () -> agent.equals(given()
                .header("Authorization", Stack.token("supervisor")).get(messaging.url("/messaging/conversations/" + id))
                .then().extract().path("agentId")));

        AtomicInteger retries = new AtomicInteger();
        try (KafkaProbe announced = KafkaProbe.tail(Topics.MESSAGING)) {
            CompletableFuture<Void> customer = CompletableFuture.runAsync(() -> post(id, "c", EACH,
                    "/messaging/chat/conversations/" + id + "/messages", "X-Chat-Token", token, retries));
            CompletableFuture<Void> agentSide = CompletableFuture.runAsync(() -> post(id, "a", EACH,
                    "/messaging/conversations/" + id + "/messages", "Authorization", Tokens.agent(agent), retries));
            Eventually.await("a third posted", Duration.ofSeconds(30), Duration.ofMillis(20), () -> count(id) > 2 * EACH / 3);
            int port = messaging.port;
            messaging.crash(); // SIGKILL
            messaging = startMessaging(port);
            CompletableFuture.allOf(customer, agentSide).get(120, java.util.concurrent.TimeUnit.SECONDS);

            // the database: every message exactly once, one gap-free sequence
            try (Connection db = Stack.database("messaging"); var st = db.prepareStatement(
                    "select count(*), count(distinct client_id), min(seq), max(seq) from msg_message where conversation_id = ?")) {
                st.setString(1, id);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("messages stored").isEqualTo(2 * EACH + 1);
                    assertThat(rs.getInt(2)).as("each client id once").isEqualTo(2 * EACH);
                    assertThat(rs.getLong(3)).isEqualTo(1);
                    assertThat(rs.getLong(4)).as("no gap").isEqualTo(2 * EACH + 1);
                }
            }
            assertThat(retries.get()).as("some posts hit the dead or restarting service and were retried").isPositive();

            // cc.messaging: every message announced (the relay resends after a crash; consumers go by event id)
            Set<String> ids = new HashSet<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (ids.size() < 2 * EACH && System.nanoTime() < deadline) {
                for (var r : announced.await(r -> r.key().equals(id) && (r.value().contains(EventTypes.MESSAGE_RECEIVED)
                        || r.value().contains(EventTypes.MESSAGE_SENT)), Duration.ofSeconds(1), Integer.MAX_VALUE)) {
                    int at = r.value().indexOf("\"messageId\":\"") + 13;
                    ids.add(r.value().substring(at, r.value().indexOf('"', at)));
                }
            }
            assertThat(ids).hasSizeGreaterThanOrEqualTo(2 * EACH);
        }

        // the customer's stream, from the start after the restart, has all of them in order
        try (SseFeed stream = SseFeed.open(URI.create(messaging.url("/messaging/chat/conversations/" + id + "/stream?after=0")),
                null, Map.of("X-Chat-Token", token))) {
            List<Long> seqs = new ArrayList<>();
            while (seqs.size() < 2 * EACH + 1) {
                JsonNode e = stream.next(Duration.ofSeconds(10));
                if ("message".equals(e.path("type").asText())) {
                    seqs.add(e.path("message").path("seq").asLong());
                }
            }
            assertThat(seqs).isSorted().doesNotHaveDuplicates().hasSize(2 * EACH + 1);
        }
    }

    /** Posts n messages one after another; a failed or lost post is retried with the same client id until it lands. */
    private void post(String id, String prefix, int n, String path, String header, String value, AtomicInteger retries) {
        for (int i = 0; i < n; i++) {
            String clientId = prefix + "-" + i;
            String body = "{\"text\":\"" + prefix + " message " + i + "\",\"clientId\":\"" + clientId + "\"}";
            for (int attempt = 0; ; attempt++) {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(messaging.url(path)))
                            .timeout(Duration.ofSeconds(3)).header(header, value).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 201) {
                        break;
                    }
                    if (r.statusCode() / 100 == 4) {
                        throw new AssertionError(path + " refused " + clientId + ": " + r.statusCode() + " " + r.body());
                    }
                } catch (java.io.IOException e) {
                    // the service is down or restarting
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                retries.incrementAndGet();
                sleep(100);
                if (attempt > 600) {
                    throw new AssertionError(clientId + " never landed");
                }
            }
        }
    }

    private static int count(String id) {
        try (Connection db = Stack.database("messaging"); var st = db.prepareStatement(
                "select count(*) from msg_message where conversation_id = ?")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
