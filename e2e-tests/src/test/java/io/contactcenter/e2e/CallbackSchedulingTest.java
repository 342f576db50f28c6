package io.contactcenter.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.devstack.KafkaProbe;
import io.contactcenter.devstack.ServiceProcess;
import io.contactcenter.events.EventTypes;
import io.contactcenter.events.Topics;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two callback-service instances against one database hand every due callback to routing exactly once, and one of
 * them crashing in the middle of the schedule loses nothing and duplicates nothing.
 */
class CallbackSchedulingTest {

    private static final int CALLBACKS = 200;

    @BeforeAll
    static void stack() {
        Stack.init();
    }

    @Test
    void twoInstancesAndACrashDispatchEachCallbackExactlyOnce() throws Exception {
        String queue = "e2e-cb-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> fast = Map.of("CC_CALLBACK_SCHEDULER_INTERVAL", "50ms");
        try (KafkaProbe commands = KafkaProbe.tail(Topics.ROUTING_COMMANDS);
                ServiceProcess a = ServiceProcess.start("callback", fast);
                ServiceProcess b = ServiceProcess.start("callback", fast)) {
            policy(a, queue);
            // due over the next ~12 s, one every 60 ms, booked alternately through both instances
            LocalDateTime start = LocalDateTime.now(ZoneOffset.UTC).plusSeconds(4);
            List<String> ids = IntStream.range(0, CALLBACKS).parallel().mapToObj(i -> given()
                    .header("Authorization", Stack.token("telephony")).contentType("application/json")
                    .body("""
                            {"phone":"+4930%d","queueId":"%s","origin":"web","timeZone":"Etc/UTC",
                             "windowStart":"%s","windowEnd":"%s"}
                            """.formatted(20_000_000 + i, queue, start.plus(60L * i, ChronoUnit.MILLIS),
                            start.plusHours(1)))
                    .when().post((i % 2 == 0 ? a : b).url("/callbacks"))
                    .then().statusCode(201).extract().<String>path("callbackId")).toList();
            Thread.sleep(6_000);
            b.crash();   // mid-schedule: some callbacks are due, most are not yet
            try (ServiceProcess c = ServiceProcess.start("callback", fast)) {
                var enqueued = commands.await(r -> r.value().contains(EventTypes.ROUTING_ENQUEUE)
                        && r.value().contains("\"queueId\":\"" + queue + "\""), Duration.ofSeconds(60), CALLBACKS);
                // and nothing more arrives afterwards
                var all = commands.collect(r -> r.value().contains(EventTypes.ROUTING_ENQUEUE)
                        && r.value().contains("\"queueId\":\"" + queue + "\""), Duration.ofSeconds(3));
                Map<String, Integer> perContact = new HashMap<>();
                for (ConsumerRecord<String, String> r : all) {
                    perContact.merge(r.key(), 1, Integer::sum);
                }
                assertThat(perContact).hasSize(CALLBACKS);
                assertThat(perContact.values()).containsOnly(1);
                assertThat(perContact.keySet()).containsExactlyInAnyOrderElementsOf(ids.stream().map(id -> id + "-1").toList());
                assertThat(enqueued).hasSizeGreaterThanOrEqualTo(CALLBACKS);
            }
        }
    }

    private static void policy(ServiceProcess callback, String queue) {
        String allDay = "[{\"open\":\"00:00\",\"close\":\"00:00\"}]";
        StringBuilder weekly = new StringBuilder();
        for (String d : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            weekly.append(weekly.isEmpty() ? "" : ",").append('"').append(d).append("\":").append(allDay);
        }
        given().header("Authorization", Stack.token("admin")).contentType("application/json")
                .body("""
                        {"maxAttempts":3,"minRetryIntervalSeconds":60,"maxPerNumberPerDay":3,"minAbandonWaitSeconds":20,
                         "autoReturnAbandoned":false,"timeZone":"Etc/UTC","callingHours":{"weekly":{%s}}}
                        """.formatted(weekly))
                .when().put(callback.url("/callbacks/policies/" + queue))
                .then().statusCode(200);
    }
}
