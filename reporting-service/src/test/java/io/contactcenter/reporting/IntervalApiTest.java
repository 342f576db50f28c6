package io.contactcenter.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.contactcenter.devstack.Eventually;
import io.contactcenter.devstack.KafkaProbe;
import io.contactcenter.devstack.Tokens;
import io.contactcenter.events.Channel;
import io.contactcenter.events.CloudEvent;
import io.contactcenter.events.EventCodec;
import io.contactcenter.events.EventTypes;
import io.contactcenter.events.Topics;
import io.contactcenter.events.contact.ContactAbandoned;
import io.contactcenter.events.contact.ContactAnswered;
import io.contactcenter.events.contact.ContactCompleted;
import io.contactcenter.events.contact.ContactQueued;
import io.contactcenter.events.contact.ContactTransferred;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Contact events on the real broker → read model → intervals, as JSON and CSV. */
@QuarkusTest
@ReportingStack
class IntervalApiTest {

    static final Instant DAY = Instant.parse("2026-01-05T10:00:00Z");

    @Inject
    EventCodec codec;

    @Test
    void intervalsFromEventsNameTheirServiceLevelDefinition() {
        String queue = "hist-" + UUID.randomUUID();
        String a = "a-" + UUID.randomUUID();
        String b = "b-" + UUID.randomUUID();
        String c = "c-" + UUID.randomUUID();
        queued(a, queue, DAY.plusSeconds(60));
        send(EventTypes.CONTACT_ANSWERED, a, new ContactAnswered(a, queue, "ann", 12, DAY.plusSeconds(72)));
        send(EventTypes.CONTACT_COMPLETED, a, new ContactCompleted(a, queue, "ann", 200, 20, 30, DAY.plusSeconds(400)));
        queued(b, queue, DAY.plusSeconds(600));
        send(EventTypes.CONTACT_ANSWERED, b, new ContactAnswered(b, queue, "bob", 40, DAY.plusSeconds(640)));
        send(EventTypes.CONTACT_TRANSFERRED, b, new ContactTransferred(b, queue, "bob", queue, null, DAY.plusSeconds(700)));
        queued(c, queue, DAY.plusSeconds(2000));
        send(EventTypes.CONTACT_ABANDONED, c, new ContactAbandoned(c, queue, 3, 1, DAY.plusSeconds(2003)));

        Eventually.await("three contacts in the read model", Duration.ofSeconds(20), Duration.ofMillis(200), () -> {
            Integer offered = given().header("Authorization", Tokens.bearer("supervisor"))
                    .queryParam("from", "2026-01-05T10:00:00Z").queryParam("to", "2026-01-05T11:00:00Z")
                    .queryParam("interval", "PT1H")
                    .when().get("/reports/queues/" + queue + "/intervals").then().extract().path("rows[0].offered");
            Integer abandoned = given().header("Authorization", Tokens.bearer("supervisor"))
                    .queryParam("from", "2026-01-05T10:00:00Z").queryParam("to", "2026-01-05T11:00:00Z")
                    .queryParam("interval", "PT1H")
                    .when().get("/reports/queues/" + queue + "/intervals").then().extract().path("rows[0].abandoned");
            return Integer.valueOf(3).equals(offered) && Integer.valueOf(1).equals(abandoned);
        });
        given().header("Authorization", Tokens.bearer("supervisor"))
                .queryParam("from", "2026-01-05T10:00:00Z").queryParam("to", "2026-01-05T11:00:00Z")
                .queryParam("interval", "PT30M").queryParam("serviceLevel", "SHORT_ABANDONS_EXCLUDED")
                .when().get("/reports/queues/" + queue + "/intervals")
                .then().statusCode(200)
                .body("serviceLevelDefinition", equalTo("SHORT_ABANDONS_EXCLUDED"))
                .body("serviceLevelFormula", equalTo("answered within T / (offered − abandoned within S)"))
                .body("rows.size()", equalTo(2))
                .body("rows[0].offered", equalTo(2))
                .body("rows[0].answeredWithinThreshold", equalTo(1))
                .body("rows[0].serviceLevel", equalTo(0.5f))
                .body("rows[0].averageHandleSeconds", equalTo(250.0f))
                .body("rows[0].transfers", equalTo(1))
                .body("rows[1].offered", equalTo(1))
                .body("rows[1].shortAbandoned", equalTo(1))
                .body("rows[1].serviceLevel", nullValue());
        given().header("Authorization", Tokens.bearer("supervisor")).accept("text/csv")
                .queryParam("from", "2026-01-05T10:00:00Z").queryParam("to", "2026-01-05T11:00:00Z")
                .queryParam("interval", "PT30M")
                .when().get("/reports/queues/" + queue + "/intervals")
                .then().statusCode(200)
                .body(containsString("ABANDONS_COUNTED = answered within T / offered"))
                .body(containsString("2026-01-05T10:00:00Z,2026-01-05T10:30:00Z,2,2,1,0,0,0.5000,26.0000,250.0000,0.0000,1"));
    }

    /** An id is the caller's text: in a CSV header it must stay one quoted cell, never a formula or a new line. */
    @Test
    void csvExportEscapesIdsInItsHeaderLine() {
        String agent = "=HYPERLINK(\"x\";1),y";
        given().header("Authorization", Tokens.bearer("supervisor")).accept("text/csv")
                .queryParam("from", "2026-01-05T10:00:00Z").queryParam("to", "2026-01-05T11:00:00Z")
                .queryParam("interval", "PT30M")
                .when().get("/reports/agents/{agent}/intervals", agent)
                .then().statusCode(200)
                .body(org.hamcrest.Matchers.startsWith("# agent=\"'=HYPERLINK(\"\"x\"\";1),y\"; occupancy"));
    }

    @Test
    void invalidRangesAndParametersAre400NamingThem() {
        given().header("Authorization", Tokens.bearer("supervisor"))
                .queryParam("from", "2026-01-05T10:00:00Z").queryParam("to", "2026-01-05T11:00:00Z")
                .queryParam("interval", "PT7M")
                .when().get("/reports/queues/q/intervals").then().statusCode(400).body("detail", containsString("interval"));
        given().header("Authorization", Tokens.bearer("supervisor"))
                .queryParam("from", "2026-01-05T11:00:00Z").queryParam("to", "2026-01-05T10:00:00Z")
                .when().get("/reports/queues/q/intervals").then().statusCode(400).body("detail", containsString("to"));
        given().header("Authorization", Tokens.bearer("supervisor"))
                .queryParam("from", "yesterday").queryParam("to", "2026-01-05T10:00:00Z")
                .when().get("/reports/queues/q/intervals").then().statusCode(400).body("detail", containsString("from"));
        given().header("Authorization", Tokens.bearer("supervisor"))
                .queryParam("from", "2026-01-05T10:00:00Z").queryParam("to", "2026-01-05T11:00:00Z")
                .queryParam("serviceLevel", "VIBES")
                .when().get("/reports/queues/q/intervals").then().statusCode(400).body("detail", containsString("serviceLevel"));
    }

    private void queued(String id, String queue, Instant at) {
        send(EventTypes.CONTACT_QUEUED, id, new ContactQueued(id, queue, Channel.VOICE, 1, at, at, Map.of(), 1, null));
    }

    private void send(String type, String subject, Object data) {
        CloudEvent event = codec.create(type, subject, data);
        KafkaProbe.send(Topics.CONTACTS, subject, codec.write(event));
    }
}
