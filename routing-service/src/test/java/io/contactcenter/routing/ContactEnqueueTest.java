package io.contactcenter.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.devstack.KafkaProbe;
import io.contactcenter.devstack.Tokens;
import io.contactcenter.events.EventTypes;
import io.contactcenter.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@RoutingStack
class ContactEnqueueTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @org.junit.jupiter.api.BeforeEach
    void queues() {
        Fixtures.queue("support", "{}");
        Fixtures.queue("sales", "{}");
    }

    @Test
    void enqueuesContactAndAnnouncesItOnceAsCloudEvent() throws Exception {
        String id = "c-" + UUID.randomUUID();
        try (KafkaProbe probe = KafkaProbe.tail(Topics.CONTACTS)) {
            given().header("Authorization", Tokens.bearer("telephony")).contentType("application/json")
                    .body("""
                            {"contactId":"%s","queueId":"support","channel":"VOICE","priority":5,
                             "requiredSkills":{"billing":3},"attributes":{"intent":"refund","customerId":"cu-9"}}
                            """.formatted(id))
                    .when().post("/routing/contacts")
                    .then().statusCode(201)
                    .header("Location", containsString("/routing/contacts/" + id))
                    .body("state", equalTo("QUEUED"))
                    .body("attributes.intent", equalTo("refund"));

            var records = probe.collect(r -> id.equals(r.key()), Duration.ofSeconds(3));
            assertThat(records).hasSize(1);
            ConsumerRecord<String, String> record = records.get(0);
            JsonNode event = mapper.readTree(record.value());
            assertThat(event.get("specversion").asText()).isEqualTo("1.0");
            assertThat(event.get("type").asText()).isEqualTo(EventTypes.CONTACT_QUEUED);
            assertThat(event.get("subject").asText()).isEqualTo(id);
            assertThat(event.get("source").asText()).isEqualTo("/contact-center/routing-service");
            assertThat(event.at("/data/attributes/customerId").asText()).isEqualTo("cu-9");
            assertThat(new String(record.headers().lastHeader("content-type").value()))
                    .isEqualTo("application/cloudevents+json");
        }
        // the edge asks for position and wait (an agent may read only contacts offered to it: ApiSecurityTest)
        given().header("Authorization", Tokens.bearer("telephony"))
                .when().get("/routing/contacts/" + id)
                .then().statusCode(200)
                .body("queueId", equalTo("support"))
                .body("requiredSkills.billing", equalTo(3));
    }

    @Test
    void repeatedEnqueueOfSameContactReturnsExistingWithoutNewEvent() {
        String id = "c-" + UUID.randomUUID();
        String body = "{\"contactId\":\"" + id + "\",\"queueId\":\"sales\",\"channel\":\"CHAT\",\"priority\":0}";
        try (KafkaProbe probe = KafkaProbe.tail(Topics.CONTACTS)) {
            given().header("Authorization", Tokens.bearer("service")).contentType("application/json").body(body)
                    .when().post("/routing/contacts").then().statusCode(201);
            given().header("Authorization", Tokens.bearer("service")).contentType("application/json").body(body)
                    .when().post("/routing/contacts").then().statusCode(200).body("contactId", equalTo(id));
            assertThat(probe.collect(r -> id.equals(r.key()), Duration.ofSeconds(2))).hasSize(1);
        }
    }

    @Test
    void unknownContactIs404Problem() {
        given().header("Authorization", Tokens.bearer("supervisor"))
                .when().get("/routing/contacts/does-not-exist")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("does-not-exist"));
    }

    @Test
    void invalidEnqueueListsEveryProblemAndStoresNothing() {
        String id = "c-" + UUID.randomUUID();
        given().header("Authorization", Tokens.bearer("telephony")).contentType("application/json")
                .body("{\"contactId\":\"" + id + "\",\"queueId\":\"\",\"priority\":101,\"requiredSkills\":{\"x\":9}}")
                .when().post("/routing/contacts")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("queueId", "priority", "channel"))
                .body(not(containsString("Exception")));
        given().header("Authorization", Tokens.bearer("supervisor"))
                .when().get("/routing/contacts/" + id)
                .then().statusCode(404);
    }

    @Test
    void malformedJsonIs400WithoutStackTrace() {
        given().header("Authorization", Tokens.bearer("telephony")).contentType("application/json")
                .body("{\"contactId\": \"x\", \"channel\": \"PIGEON\"}")
                .when().post("/routing/contacts")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("PIGEON"))
                .body(not(containsString("at io.")));
    }

    private static org.hamcrest.Matcher<String> not(org.hamcrest.Matcher<String> m) {
        return org.hamcrest.Matchers.not(m);
    }
}
