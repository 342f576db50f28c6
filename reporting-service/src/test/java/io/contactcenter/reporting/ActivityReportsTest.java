package io.contactcenter.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.contactcenter.devstack.Eventually;
import io.contactcenter.devstack.KafkaProbe;
import io.contactcenter.devstack.Tokens;
import io.contactcenter.events.Channel;
import io.contactcenter.events.EventCodec;
import io.contactcenter.events.EventTypes;
import io.contactcenter.events.Topics;
import io.contactcenter.events.agent.AgentStateChanged;
import io.contactcenter.events.callback.CallbackCompleted;
import io.contactcenter.events.callback.CallbackDialing;
import io.contactcenter.events.callback.CallbackFailed;
import io.contactcenter.events.callback.CallbackRequested;
import io.contactcenter.events.contact.ContactAnswered;
import io.contactcenter.events.contact.ContactCompleted;
import io.contactcenter.events.contact.ContactOverflowed;
import io.contactcenter.events.contact.ContactQueued;
import io.contactcenter.events.contact.ContactSurveyCompleted;
import io.contactcenter.events.crm.CaseOpened;
import io.contactcenter.events.crm.CaseResolved;
import io.contactcenter.events.crm.RepeatContactDetected;
import io.contactcenter.events.ivr.IvrCompleted;
import io.contactcenter.events.voice.VoiceCallEnded;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Events of every topic on the real broker → read models → the metrics beyond the queue basics: first-contact
 * resolution, CSAT, resolution time, callbacks, outbound calls, backlog, occupancy, IVR containment.
 */
@QuarkusTest
@ReportingStack
class ActivityReportsTest {

    static final Instant DAY = Instant.parse("2026-02-02T09:00:00Z");
    static final String SUPERVISOR = Tokens.bearer("supervisor");

    @Inject
    EventCodec codec;

    @Test
    void queueIntervalsCountFcrCsatCallbacksOutboundCallsAndBacklog() {
        String queue = "act-" + UUID.randomUUID();
        String first = "c1-" + UUID.randomUUID();
        String second = "c2-" + UUID.randomUUID();
        String voicemail = "c3-" + UUID.randomUUID();
        handled(queue, first, DAY.plusSeconds(60), 5);
        handled(queue, second, DAY.plusSeconds(600), 2);
        // crm-service saw the customer of the first contact come back about the same issue
        send(Topics.CRM, EventTypes.CUSTOMER_REPEAT_CONTACT, "cust-1", new RepeatContactDetected("cust-1", "later",
                first, "issue:x", DAY.plusSeconds(60), DAY.plusSeconds(3000)));
        queued(queue, voicemail, DAY.plusSeconds(900), Channel.VOICE);
        send(Topics.CONTACTS, EventTypes.CONTACT_OVERFLOWED, voicemail, new ContactOverflowed(voicemail, queue, "VOICEMAIL",
                null, null, "max-wait", 120, DAY.plusSeconds(1020)));
        String ok = "cb1-" + UUID.randomUUID();
        String bad = "cb2-" + UUID.randomUUID();
        String open = "cb3-" + UUID.randomUUID();
        callback(queue, ok, DAY.plusSeconds(100));
        callback(queue, bad, DAY.plusSeconds(200));
        callback(queue, open, DAY.plusSeconds(300));
        send(Topics.CALLBACKS, EventTypes.CALLBACK_DIALING, ok, new CallbackDialing(ok, queue, "+4930123456", "ann", 1, DAY.plusSeconds(400)));
        send(Topics.CALLBACKS, EventTypes.CALLBACK_DIALING, bad, new CallbackDialing(bad, queue, "+4930123457", "ann", 1, DAY.plusSeconds(500)));
        send(Topics.CALLBACKS, EventTypes.CALLBACK_DIALING, bad, new CallbackDialing(bad, queue, "+4930123457", "ann", 2, DAY.plusSeconds(1200)));
        send(Topics.CALLBACKS, EventTypes.CALLBACK_COMPLETED, ok, new CallbackCompleted(ok, "x", "answered", DAY.plusSeconds(700)));
        send(Topics.CALLBACKS, EventTypes.CALLBACK_FAILED, bad, new CallbackFailed(bad, "no-answer", 2, DAY.plusSeconds(1300)));

        Eventually.await("every event in the read models", Duration.ofSeconds(25), Duration.ofMillis(250), () -> {
            var body = queueReport(queue).extract();
            return Integer.valueOf(2).equals(body.path("rows[0].offered")) && Integer.valueOf(1).equals(body.path("rows[1].offered"))
                    && Integer.valueOf(1).equals(body.path("rows[1].outboundCalls"))
                    && Float.valueOf(0.5f).equals(body.path("rows[0].firstContactResolution"))
                    && Float.valueOf(0.0f).equals(body.path("rows[1].callbackSuccessRate"));
        });
        queueReport(queue)
                .body("rows[0].surveys", equalTo(2))
                .body("rows[0].csat", equalTo(0.5f))                           // 5 satisfied, 2 not
                .body("rows[0].averageResolutionSeconds", equalTo(400.0f))       // queued → completed, 400 s each
                .body("rows[0].callbacksRequested", equalTo(3))
                .body("rows[0].callbacksCompleted", equalTo(1))
                .body("rows[0].callbackSuccessRate", equalTo(1.0f))
                .body("rows[0].outboundCalls", equalTo(2))
                .body("rows[1].outboundCalls", equalTo(1))
                .body("rows[0].backlogAtEnd", equalTo(2))     // bad and open callbacks at 09:15 (second was answered)
                .body("rows[1].backlogAtEnd", equalTo(1))     // open at 09:30 (voicemail left at 09:17)
                .body("rows[1].abandoned", equalTo(0));
        given().header("Authorization", SUPERVISOR).accept("text/csv")
                .queryParam("from", "2026-02-02T09:00:00Z").queryParam("to", "2026-02-02T09:30:00Z")
                .queryParam("interval", "PT15M")
                .when().get("/reports/queues/" + queue + "/intervals")
                .then().statusCode(200)
                .body(containsString("resolution_seconds,fcr,surveys,csat,callbacks_requested"));
        RealtimeReadModelTest.awaitQueue(queue, "scheduledCallbacks", 1);
    }

    @Test
    void agentIntervalsGiveOccupancyFromStateHistory() {
        String agent = "occ-" + UUID.randomUUID();
        state(agent, "LOGGED_OUT", "AVAILABLE", DAY);
        state(agent, "AVAILABLE", "RESERVED", DAY.plusSeconds(300));
        state(agent, "RESERVED", "BUSY", DAY.plusSeconds(310));
        state(agent, "BUSY", "WRAP_UP", DAY.plusSeconds(600));
        state(agent, "WRAP_UP", "NOT_READY", DAY.plusSeconds(660));
        state(agent, "NOT_READY", "LOGGED_OUT", DAY.plusSeconds(900));
        String contact = "oc-" + UUID.randomUUID();
        queued("occ-q", contact, DAY.plusSeconds(290), Channel.VOICE);
        send(Topics.CONTACTS, EventTypes.CONTACT_ANSWERED, contact, new ContactAnswered(contact, "occ-q", agent, 20, DAY.plusSeconds(310)));
        send(Topics.CONTACTS, EventTypes.CONTACT_COMPLETED, contact, new ContactCompleted(contact, "occ-q", agent, 280, 10, 60, DAY.plusSeconds(660)));
        Eventually.await("agent history", Duration.ofSeconds(20), Duration.ofMillis(250), () ->
                Integer.valueOf(1).equals(agentReport(agent).extract().path("[0].handled"))
                        && Float.valueOf(300f).equals(agentReport(agent).extract().path("[0].availableSeconds")));
        agentReport(agent)
                .body("[0].engagedSeconds", equalTo(360.0f))                   // reserved 10 + busy 290 + wrap-up 60
                .body("[0].notReadySeconds", equalTo(240.0f))
                .body("[0].occupancy", equalTo(360f / 660f))
                .body("[0].averageHandleSeconds", equalTo(350.0f));
    }

    @Test
    void ivrContainmentChannelFirstResponseAndCaseBacklog() {
        String flow = "flow-" + UUID.randomUUID();
        ivr(flow, "contained");
        ivr(flow, "contained");
        ivr(flow, "enqueued");
        ivr(flow, "abandoned");
        String chat = "chat-" + UUID.randomUUID();
        queued("chat-q-" + UUID.randomUUID(), chat, DAY.plusSeconds(30), Channel.CHAT);
        send(Topics.CONTACTS, EventTypes.CONTACT_ANSWERED, chat, new ContactAnswered(chat, "x", "ann", 45, DAY.plusSeconds(75)));
        String overdue = "case-" + UUID.randomUUID();
        String resolved = "case-" + UUID.randomUUID();
        send(Topics.CRM, EventTypes.CASE_OPENED, "cust", new CaseOpened(overdue, "cust", null, "COMPLAINT", "HIGH",
                Instant.now().minusSeconds(60), Instant.now().minusSeconds(3600)));
        send(Topics.CRM, EventTypes.CASE_OPENED, "cust", new CaseOpened(resolved, "cust", null, "FAULT_REPORT", "LOW",
                Instant.now().plusSeconds(3600), Instant.now().minusSeconds(600)));
        send(Topics.CRM, EventTypes.CASE_RESOLVED, "cust", new CaseResolved(resolved, "cust", "p", true, Instant.now()));

        Instant now = Instant.now();
        String from = now.minus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.HOURS).toString();
        String to = now.plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.HOURS).toString();
        Eventually.await("four IVR sessions", Duration.ofSeconds(20), Duration.ofMillis(250), () -> {
            Object sessions = given().header("Authorization", SUPERVISOR).queryParam("flowId", flow)
                    .queryParam("from", from).queryParam("to", to).queryParam("interval", "P1D")
                    .when().get("/reports/ivr/intervals").then().extract().path("[0].sessions");
            return Integer.valueOf(4).equals(sessions);
        });
        given().header("Authorization", SUPERVISOR).queryParam("flowId", flow)
                .queryParam("from", from).queryParam("to", to).queryParam("interval", "P1D")
                .when().get("/reports/ivr/intervals")
                .then().statusCode(200).body("[0].containment", equalTo(0.5f)).body("[0].abandoned", equalTo(1));
        Eventually.await("the chat contact", Duration.ofSeconds(20), Duration.ofMillis(250), () -> Float.valueOf(45f).equals(
                given().header("Authorization", SUPERVISOR).queryParam("from", "2026-02-02T09:00:00Z")
                        .queryParam("to", "2026-02-02T10:00:00Z").queryParam("interval", "PT1H")
                        .when().get("/reports/channels/chat/intervals").then().extract().path("rows[0].averageSpeedOfAnswerSeconds")));
        given().header("Authorization", SUPERVISOR).queryParam("from", "2026-02-02T09:00:00Z")
                .queryParam("to", "2026-02-02T10:00:00Z").queryParam("interval", "PT1H")
                .when().get("/reports/channels/pigeon/intervals")
                .then().statusCode(400).body("detail", containsString("channel"));
        Eventually.await("the open, overdue case", Duration.ofSeconds(20), Duration.ofMillis(250), () -> {
            Integer overdueCases = given().header("Authorization", SUPERVISOR).when().get("/reports/realtime/backlog")
                    .then().extract().path("overdueCases");
            return overdueCases != null && overdueCases >= 1;
        });
        given().header("Authorization", SUPERVISOR).when().get("/reports/realtime/backlog")
                .then().statusCode(200).body("openCases", greaterThanOrEqualTo(1));
    }

    @Test
    void callQualityPerQueueAndAgentComesFromTheGatewaysCallEndedEvents() {
        String queue = "vq-" + UUID.randomUUID();
        String agent = "va-" + UUID.randomUUID();
        String good = "vc1-" + UUID.randomUUID();
        String poor = "vc2-" + UUID.randomUUID();
        String elsewhere = "vc3-" + UUID.randomUUID();
        handled(queue, good, DAY.plusSeconds(60), 5);
        handled(queue, poor, DAY.plusSeconds(120), 5);
        handled("other-" + queue, elsewhere, DAY.plusSeconds(120), 5);
        voiceCall(good, agent, DAY.plusSeconds(500), new VoiceCallEnded.MediaQuality(4000, 0, 0, 1.2, 4.41, 30),
                new VoiceCallEnded.MediaQuality(3000, 0, 0, 0.8, 4.41, 25), false);
        // 8 % loss on the customer's stream, and the agent's phone sent only silence
        voiceCall(poor, agent, DAY.plusSeconds(700), new VoiceCallEnded.MediaQuality(4000, 320, 0.08, 9.0, 3.31, 28),
                new VoiceCallEnded.MediaQuality(3000, 0, 0, 1.0, 4.40, 0.1), true);
        voiceCall(elsewhere, "someone-else", DAY.plusSeconds(700), new VoiceCallEnded.MediaQuality(10, 0, 0, 1, 4.4, 1), null, false);

        Eventually.await("both calls of the queue", Duration.ofSeconds(20), Duration.ofMillis(250), () ->
                Integer.valueOf(2).equals(quality("/reports/queues/" + queue + "/call-quality").extract().path("rows[0].calls")));
        quality("/reports/queues/" + queue + "/call-quality")
                .body("definition", containsString("MOS < 3.6"))
                .body("rows[0].averageMos", equalTo(3.86f))
                .body("rows[0].minimumMos", equalTo(3.31f))
                .body("rows[0].poorCalls", equalTo(1))
                .body("rows[0].poorRate", equalTo(0.5f))
                .body("rows[0].averageLossRatio", equalTo(0.04f))
                .body("rows[0].maximumJitterMillis", equalTo(9.0f))
                .body("rows[0].oneWayAudioCalls", equalTo(1));
        quality("/reports/agents/" + agent + "/call-quality")
                .body("agentId", equalTo(agent))
                .body("rows[0].calls", equalTo(2))
                .body("rows[0].averageAgentMos", equalTo(4.405f));
        given().header("Authorization", SUPERVISOR).accept("text/csv")
                .queryParam("from", "2026-02-02T09:00:00Z").queryParam("to", "2026-02-02T10:00:00Z").queryParam("interval", "PT1H")
                .when().get("/reports/queues/" + queue + "/call-quality")
                .then().statusCode(200)
                .body(containsString("start,end,calls,calls_without_media,average_mos"))
                .body(containsString(",2,0,3.8600,3.3100,"));
        given().header("Authorization", SUPERVISOR)
                .queryParam("from", "2026-02-02T09:00:00Z").queryParam("to", "2026-02-02T10:00:00Z").queryParam("interval", "PT7M")
                .when().get("/reports/queues/" + queue + "/call-quality")
                .then().statusCode(400).body("detail", containsString("interval"));
    }

    private ValidatableResponse quality(String path) {
        return given().header("Authorization", SUPERVISOR)
                .queryParam("from", "2026-02-02T09:00:00Z").queryParam("to", "2026-02-02T10:00:00Z").queryParam("interval", "PT1H")
                .when().get(path)
                .then().statusCode(200);
    }

    private void voiceCall(String contact, String agent, Instant endedAt, VoiceCallEnded.MediaQuality customer,
            VoiceCallEnded.MediaQuality agentLeg, boolean oneWay) {
        String callId = "sip-" + UUID.randomUUID();
        send(Topics.VOICE, EventTypes.VOICE_CALL_ENDED, callId, new VoiceCallEnded(callId, contact, null, agent, "INBOUND",
                "caller-hung-up", endedAt.minusSeconds(90), endedAt, 60, customer, agentLeg, oneWay));
    }

    private ValidatableResponse queueReport(String queue) {
        return given().header("Authorization", SUPERVISOR)
                .queryParam("from", "2026-02-02T09:00:00Z").queryParam("to", "2026-02-02T09:30:00Z")
                .queryParam("interval", "PT15M")
                .when().get("/reports/queues/" + queue + "/intervals")
                .then().statusCode(200);
    }

    private ValidatableResponse agentReport(String agent) {
        return given().header("Authorization", SUPERVISOR)
                .queryParam("from", "2026-02-02T09:00:00Z").queryParam("to", "2026-02-02T09:30:00Z")
                .queryParam("interval", "PT30M")
                .when().get("/reports/agents/" + agent + "/intervals")
                .then().statusCode(200);
    }

    private void handled(String queue, String id, Instant at, int csat) {
        queued(queue, id, at, Channel.VOICE);
        send(Topics.CONTACTS, EventTypes.CONTACT_ANSWERED, id, new ContactAnswered(id, queue, "ann", 10, at.plusSeconds(10)));
        send(Topics.CONTACTS, EventTypes.CONTACT_COMPLETED, id, new ContactCompleted(id, queue, "ann", 300, 0, 90, at.plusSeconds(400)));
        send(Topics.CONTACTS, EventTypes.CONTACT_SURVEY_COMPLETED, id, new ContactSurveyCompleted(id, csat, at.plusSeconds(420)));
    }

    private void queued(String queue, String id, Instant at, Channel channel) {
        send(Topics.CONTACTS, EventTypes.CONTACT_QUEUED, id, new ContactQueued(id, queue, channel, 1, at, at, Map.of(), 1, null));
    }

    private void callback(String queue, String id, Instant at) {
        send(Topics.CALLBACKS, EventTypes.CALLBACK_REQUESTED, id, new CallbackRequested(id, null, "+4930123456", queue,
                "web", at, at.plusSeconds(3600)), at);
    }

    private void state(String agent, String from, String to, Instant at) {
        send(Topics.AGENTS, EventTypes.AGENT_STATE_CHANGED, agent, new AgentStateChanged(agent, from, to, null, at));
    }

    private void ivr(String flow, String outcome) {
        String session = "s-" + UUID.randomUUID();
        send(Topics.IVR, EventTypes.IVR_COMPLETED, session, new IvrCompleted(session, null, flow, outcome, "menu"));
    }

    private void send(String topic, String type, String subject, Object data) {
        KafkaProbe.send(topic, subject, codec.write(codec.create(type, subject, data)));
    }

    /** With the event time set: callback.requested counts at the time the request was made. */
    private void send(String topic, String type, String subject, Object data, Instant time) {
        var e = codec.create(type, subject, data);
        var stamped = new io.contactcenter.events.CloudEvent(e.specversion(), e.id(), e.source(), e.type(), time, e.subject(),
                e.datacontenttype(), e.data());
        KafkaProbe.send(topic, subject, codec.write(stamped));
    }
}
