package io.contactcenter.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.devstack.KafkaProbe;
import io.contactcenter.devstack.Tokens;
import io.contactcenter.events.CloudEvent;
import io.contactcenter.events.EventCodec;
import io.contactcenter.events.EventTypes;
import io.contactcenter.events.Topics;
import io.contactcenter.events.outbox.OutboxRelay;
import io.contactcenter.events.routing.EnqueueCommand;
import io.contactcenter.events.Channel;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox and inbox against the real broker and database. */
@QuarkusTest
@RoutingStack
class OutboxDeliveryTest {

    @Inject
    OutboxRelay relay;

    @Inject
    EventCodec codec;

    @Inject
    Pool pool;

    @BeforeEach
    void queues() {
        Fixtures.queue("support", "{}");
    }

    @AfterEach
    void resumeRelay() {
        relay.resume();
    }

    @Test
    void eventCommittedWhileRelayIsDownArrivesExactlyOnceAfterRestart() {
        String id = "crash-" + UUID.randomUUID();
        try (KafkaProbe probe = KafkaProbe.tail(Topics.CONTACTS)) {
            relay.pause(); // the process "crashes" after its commit, before publishing
            enqueueOverRest(id);
            assertThat(probe.collect(r -> id.equals(r.key()), Duration.ofSeconds(2))).isEmpty();
            assertThat(unsentRowsFor(id)).isEqualTo(1);

            relay.resume(); // restart: the relay finds the committed row and publishes it
            assertThat(probe.await(r -> id.equals(r.key()), Duration.ofSeconds(10))).hasSize(1);
            // further passes must not publish it again
            relay.relayOnce().await().atMost(Duration.ofSeconds(10));
            assertThat(probe.collect(r -> id.equals(r.key()), Duration.ofSeconds(1))).hasSize(1);
            assertThat(unsentRowsFor(id)).isZero();
        }
    }

    @Test
    void sameCommandDeliveredTwiceIsHandledOnce() {
        String id = "dup-" + UUID.randomUUID();
        CloudEvent command = codec.create(EventTypes.ROUTING_ENQUEUE, id, new EnqueueCommand(id, "support",
                Channel.VOICE, 10, Map.of("billing", 2), Map.of("language", "de"), Instant.parse("2026-01-01T00:00:00Z"),
                "parent-1", null));
        String json = codec.write(command);
        try (KafkaProbe probe = KafkaProbe.tail(Topics.CONTACTS)) {
            KafkaProbe.send(Topics.ROUTING_COMMANDS, id, json);
            KafkaProbe.send(Topics.ROUTING_COMMANDS, id, json);
            assertThat(probe.await(r -> id.equals(r.key()), Duration.ofSeconds(15))).hasSize(1);
            assertThat(probe.collect(r -> id.equals(r.key()), Duration.ofSeconds(3))).hasSize(1);
        }
        given().header("Authorization", Tokens.bearer("supervisor"))
                .when().get("/routing/contacts/" + id)
                .then().statusCode(200)
                .body("attributes.language", org.hamcrest.Matchers.equalTo("de"))
                .body("parentContactId", org.hamcrest.Matchers.equalTo("parent-1"))
                // the virtual start time keeps the original place in line
                .body("virtualStartTime", org.hamcrest.Matchers.startsWith("2026-01-01T00:00"));
        long claims = pool.preparedQuery("select count(*) from cc_inbox where event_id = $1")
                .execute(Tuple.of(command.id())).await().atMost(Duration.ofSeconds(5))
                .iterator().next().getLong(0);
        assertThat(claims).isEqualTo(1);
    }

    @Test
    void unreadableRecordIsSkippedAndLaterCommandsStillFlow() {
        String id = "after-poison-" + UUID.randomUUID();
        try (KafkaProbe probe = KafkaProbe.tail(Topics.CONTACTS)) {
            KafkaProbe.send(Topics.ROUTING_COMMANDS, id, "{not json");
            KafkaProbe.send(Topics.ROUTING_COMMANDS, id, codec.write(codec.create(EventTypes.ROUTING_ENQUEUE, id,
                    new EnqueueCommand(id, "support", Channel.CHAT, 1, null, null, null, null, null))));
            assertThat(probe.await(r -> id.equals(r.key()), Duration.ofSeconds(15))).hasSize(1);
        }
    }

    private void enqueueOverRest(String id) {
        given().header("Authorization", Tokens.bearer("telephony")).contentType("application/json")
                .body("{\"contactId\":\"" + id + "\",\"queueId\":\"support\",\"channel\":\"VOICE\",\"priority\":1}")
                .when().post("/routing/contacts").then().statusCode(201);
    }

    private long unsentRowsFor(String id) {
        return pool.preparedQuery("select count(*) from cc_outbox where msg_key = $1 and sent_at is null")
                .execute(Tuple.of(id)).await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0);
    }
}
