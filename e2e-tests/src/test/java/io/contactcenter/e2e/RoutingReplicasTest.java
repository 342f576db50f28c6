package io.contactcenter.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactcenter.devstack.ServiceProcess;
import io.contactcenter.devstack.Bookings;
import io.contactcenter.devstack.Eventually;
import io.contactcenter.devstack.SseFeed;
import io.contactcenter.devstack.Tokens;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Invariant 2 with two routing-service processes on one database and broker: hundreds of contacts entering
 * through both, agents on both answering, rejecting and letting offers time out, callers hanging up. From
 * the offers table afterwards: no agent ever held more than its capacity, no contact was offered twice at
 * once, and every contact ended exactly once.
 */
class RoutingReplicasTest {

    static final int AGENTS = 60;
    static final int CONTACTS = 500;
    static final Map<String, String> ENV = Map.of("CC_ROUTING_MAX_MISSED_OFFERS", "100000");

    @BeforeAll
    static void stack() {
        Stack.init();
    }

    @Test
    void noAgentDoubleBookedAndNoContactOfferedTwiceWithTwoReplicas() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        Random rnd = new Random(5);
        try (ServiceProcess a = ServiceProcess.start("routing", ENV);
                ServiceProcess b = ServiceProcess.start("routing", ENV)) {
            ServiceProcess[] replicas = {a, b};
            List<String> queues = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String q = "rep-" + run + "-q" + i;
                Stack.queue(a, q, "{\"offerTimeoutSeconds\":5,\"strategy\":\"" + (i % 2 == 0 ? "LONGEST_IDLE" : "ROUND_ROBIN") + "\"}");
                queues.add(q);
            }
            List<String> agents = new ArrayList<>();
            for (int i = 0; i < AGENTS; i++) {
                String id = "rep-" + run + "-a" + i;
                String primary = queues.get(i % 4);
                String secondary = queues.get(rnd.nextInt(4));
                String capacity = (i / 4) % 2 == 0 ? "{\"VOICE\":1}" : "{\"VOICE\":1,\"CHAT\":3}";
                given().header("Authorization", Stack.token("admin")).contentType("application/json")
                        .body("{\"queues\":{\"" + primary + "\":{\"level\":1,\"penalty\":0,\"weight\":1},\"" + secondary
                                + "\":{\"level\":2,\"penalty\":0,\"weight\":1}},\"capacity\":" + capacity + "}")
                        .when().put(replicas[i % 2].url("/routing/agents/" + id)).then().statusCode(201);
                agents.add(id);
            }
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService desktops = Executors.newFixedThreadPool(AGENTS);
            List<SseFeed> feeds = Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < AGENTS; i++) {
                String id = agents.get(i);
                ServiceProcess home = replicas[i % 2];
                SseFeed feed = SseFeed.offers(URI.create(home.url("/")), id);
                feeds.add(feed);
                given().header("Authorization", Tokens.agent(id)).contentType("application/json")
                        .body("{\"state\":\"AVAILABLE\"}").when().post(home.url("/routing/agents/" + id + "/state"))
                        .then().statusCode(200);
                desktops.submit(() -> desktop(id, feed, replicas, stop, failures));
            }

            ExecutorService callers = Executors.newFixedThreadPool(8);
            List<String> contacts = Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < CONTACTS; i++) {
                String id = "rep-" + run + "-c" + i;
                String queue = queues.get(i % 4);
                String channel = i % 3 == 0 ? "CHAT" : "VOICE";
                ServiceProcess via = replicas[i % 2];
                boolean hangsUp = i % 10 == 7;
                callers.submit(() -> {
                    int status = given().header("Authorization", Stack.token("telephony")).contentType("application/json")
                            .body("{\"contactId\":\"" + id + "\",\"queueId\":\"" + queue + "\",\"channel\":\"" + channel
                                    + "\",\"priority\":" + ThreadLocalRandom.current().nextInt(3) + "}")
                            .when().post(via.url("/routing/contacts")).then().extract().statusCode();
                    if (status != 201) {
                        failures.add("enqueue " + id + " answered " + status);
                    }
                    contacts.add(id);
                    if (hangsUp) {
                        sleep(ThreadLocalRandom.current().nextInt(400));
                        int s = given().header("Authorization", Stack.token("telephony"))
                                .when().delete(replicas[ThreadLocalRandom.current().nextInt(2)].url("/routing/contacts/" + id))
                                .then().extract().statusCode();
                        if (s != 200 && s != 409) {
                            failures.add("abandon " + id + " answered " + s);
                        }
                    }
                });
            }
            callers.shutdown();
            assertThat(callers.awaitTermination(120, TimeUnit.SECONDS)).isTrue();

            try (Connection db = Stack.database("routing")) {
                Eventually.await("every contact ended", Duration.ofSeconds(240), Duration.ofSeconds(1),
                        () -> count(db, "select count(*) from routing_contact where id like ? and state not in"
                                + " ('COMPLETED', 'ABANDONED')", "rep-" + run + "-c%") == 0);
                stop.set(true);
                desktops.shutdown();
                desktops.awaitTermination(30, TimeUnit.SECONDS);
                feeds.forEach(SseFeed::close);
                assertThat(failures).isEmpty();

                assertThat(count(db, "select count(*) from routing_contact where id like ?", "rep-" + run + "-c%"))
                        .isEqualTo(CONTACTS);
                assertCapacityNeverExceeded(db, run);
                assertNoContactOfferedTwiceAtOnce(db, run);
                // each contact announced its end exactly once
                assertThat(count(db, "select count(*) from (select msg_key from cc_outbox where msg_key like ? and"
                        + " event_type in ('io.contactcenter.contact.completed', 'io.contactcenter.contact.abandoned')"
                        + " group by msg_key having count(*) <> 1) x", "rep-" + run + "-c%")).isZero();
                assertThat(count(db, "select count(*) from cc_outbox where msg_key like ? and event_type in"
                        + " ('io.contactcenter.contact.completed', 'io.contactcenter.contact.abandoned')", "rep-" + run + "-c%"))
                        .isEqualTo(CONTACTS);
                assertThat(count(db, "select count(*) from routing_agent where id like ? and (pending_offers <> 0"
                        + " or load <> '{}')", "rep-" + run + "-a%")).isZero();
                assertThat(count(db, "select count(*) from routing_offer where agent_id like ? and status = 'TIMED_OUT'",
                        "rep-" + run + "-a%")).as("the mix included offers nobody answered").isPositive();
            }
            assertThat(offersMadeBy(a)).as("replica A routed").isPositive();
            assertThat(offersMadeBy(b)).as("replica B routed").isPositive();
        }
    }

    /** An agent desktop: accepts most offers and completes them soon, rejects some, lets some ring out. */
    private static void desktop(String agentId, SseFeed feed, ServiceProcess[] replicas, AtomicBoolean stop,
            ConcurrentLinkedQueue<String> failures) {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        try {
            while (!stop.get()) {
                JsonNode offer = feed.poll(Duration.ofMillis(200));
                if (offer == null) {
                    continue;
                }
                String offerId = offer.get("offerId").asText();
                String contactId = offer.get("contactId").asText();
                double r = rnd.nextDouble();
                ServiceProcess via = replicas[rnd.nextInt(2)];
                if (r < 0.75) {
                    int s = given().header("Authorization", Tokens.agent(agentId))
                            .when().post(via.url("/routing/offers/" + offerId + "/accept")).then().extract().statusCode();
                    if (s == 200) {
                        sleep(rnd.nextInt(100));
                        int done = given().header("Authorization", Tokens.agent(agentId)).contentType("application/json")
                                .body("{}").when().post(replicas[rnd.nextInt(2)].url("/routing/contacts/" + contactId + "/complete"))
                                .then().extract().statusCode();
                        if (done != 200) {
                            failures.add("complete " + contactId + " answered " + done);
                        }
                    } else if (s != 409) {
                        failures.add("accept " + offerId + " answered " + s);
                    }
                } else if (r < 0.9) {
                    int s = given().header("Authorization", Tokens.agent(agentId))
                            .when().post(via.url("/routing/offers/" + offerId + "/reject")).then().extract().statusCode();
                    if (s != 200 && s != 409) {
                        failures.add("reject " + offerId + " answered " + s);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failures.add(agentId + " desktop failed: " + e);
        }
    }

    private record Interval(String channel, long start, long end) {
    }

    private static void assertCapacityNeverExceeded(Connection db, String run) throws Exception {
        assertThat(count(db, "select count(*) from routing_offer where agent_id like ? and ended_at is null",
                "rep-" + run + "-a%")).as("offers still live").isZero();
        Bookings.Result bookings = Bookings.check(db, "rep-" + run + "-a%");
        assertThat(bookings.violations()).as("double bookings").isEmpty();
        assertThat(bookings.offersChecked()).as("offers checked").isGreaterThanOrEqualTo(CONTACTS / 2);
    }

    private static void assertNoContactOfferedTwiceAtOnce(Connection db, String run) throws Exception {
        for (var e : intervals(db, "contact_id", "rep-" + run + "-c%").entrySet()) {
            List<Interval> list = new ArrayList<>(e.getValue());
            list.sort((x, y) -> Long.compare(x.start(), y.start()));
            for (int i = 1; i < list.size(); i++) {
                assertThat(list.get(i).start()).as("offers of %s overlap", e.getKey())
                        .isGreaterThanOrEqualTo(list.get(i - 1).end());
            }
        }
    }

    private static Map<String, List<Interval>> intervals(Connection db, String key, String like) throws Exception {
        Map<String, List<Interval>> out = new HashMap<>();
        try (PreparedStatement ps = db.prepareStatement("select " + key + " as k, channel, offered_at, ended_at, status"
                + " from routing_offer where " + key + " like ?")) {
            ps.setString(1, like);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp end = rs.getTimestamp("ended_at");
                    assertThat(end).as("offer in status %s has ended", rs.getString("status")).isNotNull();
                    out.computeIfAbsent(rs.getString("k"), k -> new ArrayList<>()).add(new Interval(rs.getString("channel"),
                            micros(rs.getTimestamp("offered_at")), micros(end)));
                }
            }
        }
        return out;
    }

    private static long micros(Timestamp t) {
        return t.getTime() / 1000 * 1_000_000 + t.getNanos() / 1000;
    }

    static long count(Connection db, String sql, String like) {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            ps.setString(1, like);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static double offersMadeBy(ServiceProcess routing) {
        String metrics = given().when().get(routing.url("/q/metrics")).then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("cc_routing_offers_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
