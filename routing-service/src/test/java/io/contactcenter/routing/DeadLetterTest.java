package io.contactcenter.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.contactcenter.devstack.Eventually;
import io.contactcenter.devstack.KafkaProbe;
import io.contactcenter.devstack.Tokens;
import io.contactcenter.events.Channel;
import io.contactcenter.events.CloudEvent;
import io.contactcenter.events.EventCodec;
import io.contactcenter.events.EventTypes;
import io.contactcenter.events.Topics;
import io.contactcenter.events.routing.EnqueueCommand;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A record the consumer can never process (here: a contact id with a NUL character, which passes validation but
 * PostgreSQL refuses to store) is retried, parked as a
 * dead letter with its error, and the records behind it on the same partition still flow; an operator lists it and
 * replays it with one call.
 */
@QuarkusTest
@RoutingStack
class DeadLetterTest {

    @Inject
    EventCodec codec;

    @Test
    void poisonCommandIsParkedWithItsErrorAndThePartitionKeepsFlowing() {
        Fixtures.queue("support", "{}");
        String run = UUID.randomUUID().toString().substring(0, 8);
        String key = "poison-" + run;
        String poisonContact = "poison-\u0000-" + run;
        String nextContact = "after-c-" + run;
        CloudEvent poison = codec.create(EventTypes.ROUTING_ENQUEUE, poisonContact, new EnqueueCommand(poisonContact,
                "support", Channel.VOICE, 1, null, Map.of("note", "x"), null, null, null));
        CloudEvent next = codec.create(EventTypes.ROUTING_ENQUEUE, nextContact, new EnqueueCommand(nextContact,
                "support", Channel.VOICE, 1, null, Map.of("note", "fine"), null, null, null));
        String metricsBefore = given().when().get("/q/metrics").then().extract().asString();
        try (KafkaProbe dead = KafkaProbe.tail(Topics.DEAD_LETTERS)) {
            // the same key: one partition, the poison first
            KafkaProbe.send(Topics.ROUTING_COMMANDS, key, codec.write(poison));
            KafkaProbe.send(Topics.ROUTING_COMMANDS, key, codec.write(next));

            Eventually.await("the command behind the poison is handled", Duration.ofSeconds(30), Duration.ofMillis(200),
                    () -> given().header("Authorization", Tokens.bearer("supervisor"))
                            .when().get("/routing/contacts/" + nextContact).then().extract().statusCode() == 200);

            var announced = dead.await(r -> r.value().contains(poison.id()), Duration.ofSeconds(15));
            assertThat(announced).hasSize(1);
            assertThat(announced.get(0).key()).isEqualTo("routing.commands");
            assertThat(announced.get(0).value()).contains(EventTypes.ROUTING_ENQUEUE).contains("\"error\"");
        }
        given().header("Authorization", Tokens.bearer("admin")).queryParam("consumer", "routing.commands")
                .when().get("/admin/dead-letters")
                .then().statusCode(200)
                .body("find { it.eventId == '" + poison.id() + "' }.error", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyOrNullString()))
                .body("find { it.eventId == '" + poison.id() + "' }.topic", equalTo(Topics.ROUTING_COMMANDS))
                .body("find { it.eventId == '" + poison.id() + "' }.attempts", equalTo(3));
        assertThat(parked(given().when().get("/q/metrics").then().extract().asString()))
                .isEqualTo(parked(metricsBefore) + 1);
        given().header("Authorization", Tokens.bearer("agent")).when().get("/admin/dead-letters").then().statusCode(403);

        // replay: the very record goes back on its topic; it fails again here, so it is parked again
        try (KafkaProbe commands = KafkaProbe.tail(Topics.ROUTING_COMMANDS)) {
            given().header("Authorization", Tokens.bearer("admin"))
                    .when().post("/admin/dead-letters/routing.commands/" + poison.id() + "/replay")
                    .then().statusCode(200).body("replays", equalTo(1));
            List<?> again = commands.await(r -> r.value().contains(poison.id()), Duration.ofSeconds(15));
            assertThat(again).hasSize(1);
        }
        Eventually.await("parked again after the replay", Duration.ofSeconds(30), Duration.ofMillis(300),
                () -> given().header("Authorization", Tokens.bearer("admin")).queryParam("consumer", "routing.commands")
                        .when().get("/admin/dead-letters").then().extract()
                        .<Integer>path("find { it.eventId == '" + poison.id() + "' }.attempts") == 6);
        given().header("Authorization", Tokens.bearer("admin"))
                .when().post("/admin/dead-letters/routing.commands/no-such-event/replay").then().statusCode(404);
    }

    private static double parked(String metrics) {
        return metrics.lines().filter(l -> l.startsWith("cc_dead_letters_total{") && l.contains("consumer=\"routing.commands\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
