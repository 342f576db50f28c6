package io.contactcenter.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import io.contactcenter.devstack.Eventually;
import io.contactcenter.devstack.KafkaProbe;
import io.contactcenter.devstack.Tokens;
import io.contactcenter.events.Channel;
import io.contactcenter.events.EventCodec;
import io.contactcenter.events.EventTypes;
import io.contactcenter.events.Topics;
import io.contactcenter.events.contact.ContactCompleted;
import io.contactcenter.events.contact.ContactQueued;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** History from events on the real broker → forecast → staffing plan for a day. */
@QuarkusTest
@ReportingStack
class StaffingPlanApiTest {

    @Inject
    EventCodec codec;

    @Test
    void plansTheDayFromTheSameWeekdaysHistory() {
        String queue = "plan-" + UUID.randomUUID();
        // Mondays 2026-03-09 and 2026-03-02, 10:00–10:30 UTC: 60 and 40 contacts, each handled 180 s
        int sent = 0;
        for (String monday : new String[] {"2026-03-09", "2026-03-02"}) {
            int n = monday.equals("2026-03-09") ? 60 : 40;
            for (int i = 0; i < n; i++) {
                String id = "p-" + UUID.randomUUID();
                Instant at = Instant.parse(monday + "T10:00:00Z").plusSeconds(i * 25L);
                send(EventTypes.CONTACT_QUEUED, id, new ContactQueued(id, queue, Channel.VOICE, 1, at, at, Map.of(), 1, null));
                send(EventTypes.CONTACT_COMPLETED, id, new ContactCompleted(id, queue, "a", 150, 0, 30, at.plusSeconds(200)));
                sent++;
            }
        }
        int expected = sent;
        Eventually.await("history in the read model", Duration.ofSeconds(30), Duration.ofMillis(300), () -> {
            Float arrivals = given().header("Authorization", Tokens.bearer("supervisor"))
                    .queryParam("queue", queue).queryParam("date", "2026-03-16").queryParam("weeks", 2)
                    .when().get("/reports/staffing/plan").then().extract().path("rows[20].forecastArrivals");
            return arrivals != null && arrivals == expected / 2f;
        });
        // 50 arrivals per 30 min at 180 s = 5 Erlangs: Erlang C needs 8 agents for 80 % in 20 s
        given().header("Authorization", Tokens.bearer("supervisor"))
                .queryParam("queue", queue).queryParam("date", "2026-03-16").queryParam("weeks", 2)
                .queryParam("shrinkage", 0.25)
                .when().get("/reports/staffing/plan")
                .then().statusCode(200)
                .body("rows.size()", equalTo(48))
                .body("rows[20].start", equalTo("2026-03-16T10:00:00Z"))
                .body("rows[20].forecastAhtSeconds", equalTo(180.0f))
                .body("rows[20].agents", equalTo(8))
                .body("rows[20].scheduledAgents", equalTo(11))
                .body("rows[19].agents", equalTo(0))
                .body("peak.start", equalTo("2026-03-16T10:00:00Z"))
                .body("scheduledAgentHours", equalTo(5.5f))
                .body("method", containsString("previous 2 week(s)"));
    }

    @Test
    void invalidPlanParametersAre400NamingThem() {
        given().header("Authorization", Tokens.bearer("supervisor"))
                .queryParam("queue", "q").queryParam("date", "Monday")
                .when().get("/reports/staffing/plan").then().statusCode(400).body("detail", containsString("date"));
        given().header("Authorization", Tokens.bearer("supervisor"))
                .queryParam("queue", "q").queryParam("date", "2026-03-16").queryParam("zone", "Mars/Base")
                .when().get("/reports/staffing/plan").then().statusCode(400).body("detail", containsString("zone"));
        given().header("Authorization", Tokens.bearer("supervisor"))
                .queryParam("queue", "q").queryParam("date", "2026-03-16").queryParam("interval", "PT10M")
                .when().get("/reports/staffing/plan").then().statusCode(400).body("detail", containsString("interval"));
        given().header("Authorization", Tokens.bearer("supervisor"))
                .queryParam("date", "2026-03-16")
                .when().get("/reports/staffing/plan").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem(containsString("queue")));
    }

    private void send(String type, String subject, Object data) {
        KafkaProbe.send(Topics.CONTACTS, subject, codec.write(codec.create(type, subject, data)));
    }
}
