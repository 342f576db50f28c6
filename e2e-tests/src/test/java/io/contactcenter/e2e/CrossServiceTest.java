package io.contactcenter.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.contactcenter.devstack.ServiceProcess;
import io.contactcenter.devstack.DevStack;
import io.contactcenter.devstack.Eventually;
import io.contactcenter.devstack.TopicSetup;
import io.contactcenter.devstack.KafkaProbe;
import io.contactcenter.events.Topics;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged services as separate processes: routing's event reaches reporting through Kafka, and a
 * routing process killed between its commit and the publish loses nothing and duplicates nothing.
 */
class CrossServiceTest {

    @BeforeAll
    static void stack() {
        Stack.init();
        TopicSetup.skipToEnd(DevStack.KAFKA_BOOTSTRAP, "reporting-e2e");
    }

    @Test
    void contactEnqueuedInRoutingAppearsOnReportingWallboard() {
        String queue = "e2e-" + UUID.randomUUID();
        String contact = "c-" + UUID.randomUUID();
        try (ServiceProcess routing = ServiceProcess.start("routing", Map.of());
                ServiceProcess reporting = ServiceProcess.start("reporting",
                        Map.of("MP_MESSAGING_INCOMING_CONTACTS_GROUP_ID", "reporting-e2e"))) {
            enqueue(routing, contact, queue);
            awaitWaiting(reporting, queue, 1, Duration.ofSeconds(60));
        }
    }

    @Test
    void routingKilledAfterCommitPublishesTheEventExactlyOnceAfterRestart() {
        String contact = "crash-" + UUID.randomUUID();
        try (KafkaProbe probe = KafkaProbe.tail(Topics.CONTACTS)) {
            // first life: the relay never runs, as if the process died right after the commit
            try (ServiceProcess routing = ServiceProcess.start("routing", Map.of("CC_OUTBOX_RELAY_ENABLED", "false"))) {
                enqueue(routing, contact, "support");
                routing.crash();
            }
            assertThat(probe.collect(r -> contact.equals(r.key()), Duration.ofSeconds(1))).isEmpty();
            // second life: the relay finds the committed row
            try (ServiceProcess routing = ServiceProcess.start("routing", Map.of())) {
                assertThat(probe.await(r -> contact.equals(r.key()), Duration.ofSeconds(30))).hasSize(1);
                assertThat(probe.collect(r -> contact.equals(r.key()), Duration.ofSeconds(3))).hasSize(1);
                given().header("Authorization", token("supervisor"))
                        .when().get(routing.url("/routing/contacts/" + contact))
                        .then().statusCode(200).body("state", equalTo("QUEUED"));
            }
        }
    }

    private static void enqueue(ServiceProcess routing, String contact, String queue) {
        Stack.queue(routing, queue, "{}");
        given().header("Authorization", token("telephony")).contentType("application/json")
                .body("{\"contactId\":\"" + contact + "\",\"queueId\":\"" + queue + "\",\"channel\":\"VOICE\",\"priority\":1}")
                .when().post(routing.url("/routing/contacts"))
                .then().statusCode(201);
    }

    private static void awaitWaiting(ServiceProcess reporting, String queue, int waiting, Duration timeout) {
        Eventually.await("reporting shows " + waiting + " waiting in " + queue, timeout, Duration.ofMillis(300), () -> {
            var r = given().header("Authorization", token("supervisor"))
                    .when().get(reporting.url("/reports/realtime/queues/" + queue)).then().extract();
            return r.statusCode() == 200 && Integer.valueOf(waiting).equals(r.path("waiting"));
        });
    }

    private static String token(String role) {
        return Stack.token(role);
    }
}
