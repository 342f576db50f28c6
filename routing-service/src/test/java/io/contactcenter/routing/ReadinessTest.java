package io.contactcenter.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.devstack.DevStack;
import io.contactcenter.devstack.Eventually;
import io.contactcenter.devstack.KafkaProbe;
import io.contactcenter.devstack.TcpProxy;
import io.contactcenter.devstack.Tokens;
import io.contactcenter.events.Topics;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Readiness tells the truth: DOWN while PostgreSQL or Kafka is unreachable, UP again when they return,
 * without restarting the service. The database is cut with a TCP proxy (the machine's server keeps
 * running for everyone else); the Kafka broker is really stopped and started.
 */
@QuarkusTest
@RoutingStack
@TestProfile(ReadinessTest.ProxiedDatabase.class)
class ReadinessTest {

    @Test
    void readinessFollowsTheDatabase() {
        awaitReadiness(200, Duration.ofSeconds(30));
        ProxyResource.proxy.cut();
        try {
            awaitReadiness(503, Duration.ofSeconds(30));
            given().when().get("/q/health/live").then().statusCode(200); // not a reason to restart the pod
        } finally {
            ProxyResource.proxy.restore();
        }
        awaitReadiness(200, Duration.ofSeconds(30));
    }

    @Test
    void readinessFollowsKafkaAndEventsWrittenMeanwhileArriveOnce() {
        awaitReadiness(200, Duration.ofSeconds(30));
        Fixtures.queue("q", "{}");
        String id = "kafka-down-" + UUID.randomUUID();
        try (KafkaProbe probe = KafkaProbe.tail(Topics.CONTACTS)) {
            DevStack.script("test-kafka-down");
            try {
                awaitReadiness(503, Duration.ofSeconds(60));
                // the database still works: the state change commits, its event waits in the outbox
                given().header("Authorization", Tokens.bearer("telephony")).contentType("application/json")
                        .body("{\"contactId\":\"" + id + "\",\"queueId\":\"q\",\"channel\":\"VOICE\",\"priority\":1}")
                        .when().post("/routing/contacts").then().statusCode(201);
            } finally {
                DevStack.script("test-kafka-up");
            }
            awaitReadiness(200, Duration.ofSeconds(60));
            assertThat(probe.await(r -> id.equals(r.key()), Duration.ofSeconds(30))).hasSize(1);
            assertThat(probe.collect(r -> id.equals(r.key()), Duration.ofSeconds(2))).hasSize(1);
        }
    }

    private static void awaitReadiness(int status, Duration timeout) {
        Eventually.await("/q/health/ready answers " + status, timeout, Duration.ofMillis(250),
                () -> given().when().get("/q/health/ready").then().extract().statusCode() == status);
    }

    public static class ProxiedDatabase implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ProxyResource.class));
        }
    }

    public static class ProxyResource implements QuarkusTestResourceLifecycleManager {
        static TcpProxy proxy;

        @Override
        public Map<String, String> start() {
            proxy = new TcpProxy(5432);
            return Map.of("cc.db.port", String.valueOf(proxy.port()),
                    // fail fast instead of waiting on a dead socket
                    "quarkus.datasource.jdbc.acquisition-timeout", "2s");
        }

        @Override
        public void stop() {
            proxy.close();
        }
    }
}
