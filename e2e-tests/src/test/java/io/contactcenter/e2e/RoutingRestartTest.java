package io.contactcenter.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactcenter.devstack.ServiceProcess;
import io.contactcenter.devstack.Eventually;
import io.contactcenter.devstack.KafkaProbe;
import io.contactcenter.devstack.SseFeed;
import io.contactcenter.devstack.Tokens;
import io.contactcenter.events.EventTypes;
import io.contactcenter.events.Topics;
import java.net.URI;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Invariant 1 for routing: kill -9 with contacts waiting and offers pending; after the restart every contact
 * is still waiting or offered, none lost, none duplicated, and the pending offers reach their agents again.
 */
class RoutingRestartTest {

    @BeforeAll
    static void stack() {
        Stack.init();
    }

    @Test
    void killedWithContactsWaitingAndOffersPendingLosesAndDuplicatesNothing() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String queue = "restart-" + run;
        List<String> agents = new ArrayList<>();
        List<String> contacts = new ArrayList<>();
        try (KafkaProbe events = KafkaProbe.tail(Topics.CONTACTS)) {
            try (ServiceProcess routing = ServiceProcess.start("routing", Map.of())) {
                Stack.queue(routing, queue, "{\"offerTimeoutSeconds\":300}");
                for (int i = 0; i < 4; i++) {
                    String id = "restart-" + run + "-a" + i;
                    given().header("Authorization", Stack.token("admin")).contentType("application/json")
                            .body("{\"queues\":{\"" + queue + "\":{\"level\":1,\"penalty\":0,\"weight\":1}}}")
                            .when().put(routing.url("/routing/agents/" + id)).then().statusCode(201);
                    given().header("Authorization", Tokens.agent(id)).contentType("application/json")
                            .body("{\"state\":\"AVAILABLE\"}").when().post(routing.url("/routing/agents/" + id + "/state"))
                            .then().statusCode(200);
                    agents.add(id);
                }
                for (int i = 0; i < 12; i++) {
                    String id = "restart-" + run + "-c" + i;
                    given().header("Authorization", Stack.token("telephony")).contentType("application/json")
                            .body("{\"contactId\":\"" + id + "\",\"queueId\":\"" + queue + "\",\"channel\":\"VOICE\",\"priority\":1}")
                            .when().post(routing.url("/routing/contacts")).then().statusCode(201);
                    contacts.add(id);
                }
                Eventually.await("4 offers pending", Duration.ofSeconds(15), Duration.ofMillis(100),
                        () -> given().header("Authorization", Stack.token("supervisor"))
                                .when().get(routing.url("/routing/queues/" + queue + "/status"))
                                .then().extract().<Integer>path("waiting") == 8);
                routing.crash();
            }
            try (ServiceProcess routing = ServiceProcess.start("routing", Map.of());
                    Connection db = Stack.database("routing")) {
                assertThat(RoutingReplicasTest.count(db, "select count(*) from routing_contact where id like ?",
                        "restart-" + run + "-c%")).isEqualTo(12);
                assertThat(RoutingReplicasTest.count(db, "select count(*) from routing_contact where id like ? and state = 'QUEUED'",
                        "restart-" + run + "-c%")).isEqualTo(8);
                assertThat(RoutingReplicasTest.count(db, "select count(*) from routing_offer where contact_id like ? and status = 'PENDING'",
                        "restart-" + run + "-c%")).isEqualTo(4);

                // the pending offers reach their agents after the restart, and can be accepted
                Set<String> connected = new HashSet<>();
                for (String agent : agents) {
                    try (SseFeed feed = SseFeed.offers(URI.create(routing.url("/")), agent)) {
                        JsonNode offer = feed.next(Duration.ofSeconds(10));
                        given().header("Authorization", Tokens.agent(agent))
                                .when().post(routing.url("/routing/offers/" + offer.get("offerId").asText() + "/accept"))
                                .then().statusCode(200);
                        connected.add(offer.get("contactId").asText());
                    }
                }
                assertThat(connected).hasSize(4);

                // each contact was announced queued exactly once, before and after the crash together
                var queued = events.await(r -> r.key().startsWith("restart-" + run + "-c")
                        && r.value().contains(EventTypes.CONTACT_QUEUED), Duration.ofSeconds(30), 12);
                Eventually.await("outbox drained", Duration.ofSeconds(10), Duration.ofMillis(200),
                        () -> RoutingReplicasTest.count(db, "select count(*) from cc_outbox where msg_key like ? and sent_at is null",
                                "restart-" + run + "-%") == 0);
                var all = events.collect(r -> r.key().startsWith("restart-" + run + "-c")
                        && r.value().contains(EventTypes.CONTACT_QUEUED), Duration.ofSeconds(2));
                assertThat(queued).hasSizeGreaterThanOrEqualTo(12);
                assertThat(all.stream().map(r -> r.key()).toList()).hasSize(12).doesNotHaveDuplicates();
            }
        }
    }
}
