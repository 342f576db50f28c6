package io.contactcenter.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactcenter.devstack.Eventually;
import io.contactcenter.devstack.KafkaProbe;
import io.contactcenter.devstack.SseFeed;
import io.contactcenter.devstack.Tokens;
import io.contactcenter.events.Channel;
import io.contactcenter.events.EventCodec;
import io.contactcenter.events.EventTypes;
import io.contactcenter.events.Topics;
import io.contactcenter.events.agent.AgentStateChanged;
import io.contactcenter.events.contact.ContactCompleted;
import io.contactcenter.events.contact.ContactQueued;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@ReportingStack
class RealtimeAgentsTest {

    @Inject
    EventCodec codec;

    @TestHTTPResource("/")
    URI base;

    @Test
    void agentStateAndContactsHandledFromEventsIgnoringAStaleStateChange() {
        String agent = "ag-" + UUID.randomUUID();
        Instant now = Instant.now();
        send(Topics.AGENTS, EventTypes.AGENT_STATE_CHANGED, agent,
                new AgentStateChanged(agent, "LOGGED_OUT", "AVAILABLE", null, now.minusSeconds(30)));
        send(Topics.AGENTS, EventTypes.AGENT_STATE_CHANGED, agent,
                new AgentStateChanged(agent, "AVAILABLE", "NOT_READY", "break", now.minusSeconds(10)));
        // delivered late: older than what we know, must not move the agent back
        send(Topics.AGENTS, EventTypes.AGENT_STATE_CHANGED, agent,
                new AgentStateChanged(agent, "NOT_READY", "AVAILABLE", null, now.minusSeconds(20)));
        String contact = "c-" + UUID.randomUUID();
        send(Topics.CONTACTS, EventTypes.CONTACT_QUEUED, contact, new ContactQueued(contact, "rt-q", Channel.VOICE, 1,
                now.minusSeconds(60), now.minusSeconds(60), Map.of(), 1, null));
        send(Topics.CONTACTS, EventTypes.CONTACT_COMPLETED, contact,
                new ContactCompleted(contact, "rt-q", agent, 100, 0, 10, now.minusSeconds(5)));

        Eventually.await(agent + " handled one contact", Duration.ofSeconds(20), Duration.ofMillis(200), () -> {
            var list = given().header("Authorization", Tokens.bearer("supervisor"))
                    .when().get("/reports/realtime/agents").then().extract().jsonPath();
            return Integer.valueOf(1).equals(list.get("find { it.agentId == '" + agent + "' }.contactsHandledToday"));
        });
        given().header("Authorization", Tokens.bearer("supervisor")).when().get("/reports/realtime/agents")
                .then().statusCode(200)
                .body("find { it.agentId == '" + agent + "' }.state", equalTo("NOT_READY"))
                .body("find { it.agentId == '" + agent + "' }.reasonCode", equalTo("break"));
    }

    @Test
    void wallboardStreamSendsFramesWithQueuesAndAgentStates() {
        String contact = "c-" + UUID.randomUUID();
        String queue = "wb-" + UUID.randomUUID();
        send(Topics.CONTACTS, EventTypes.CONTACT_QUEUED, contact, new ContactQueued(contact, queue, Channel.VOICE, 1,
                Instant.now(), Instant.now(), Map.of(), 1, null));
        try (SseFeed feed = SseFeed.open(base.resolve("/reports/realtime/stream"), Tokens.bearer("supervisor"))) {
            Eventually.await("a frame shows " + queue, Duration.ofSeconds(20), Duration.ofMillis(10), () -> {
                JsonNode frame = feed.next(Duration.ofSeconds(5));
                assertThat(frame.has("agentsByState")).isTrue();
                for (JsonNode q : frame.get("queues")) {
                    if (q.get("queueId").asText().equals(queue)) {
                        return q.get("waiting").asInt() == 1;
                    }
                }
                return false;
            });
        }
        given().when().get("/reports/realtime/stream").then().statusCode(401);
    }

    private void send(String topic, String type, String subject, Object data) {
        KafkaProbe.send(topic, subject, codec.write(codec.create(type, subject, data)));
    }
}
