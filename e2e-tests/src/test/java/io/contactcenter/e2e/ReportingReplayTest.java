package io.contactcenter.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.contactcenter.devstack.DevStack;
import io.contactcenter.devstack.Eventually;
import io.contactcenter.devstack.KafkaProbe;
import io.contactcenter.devstack.ServiceProcess;
import io.contactcenter.devstack.TopicSetup;
import io.contactcenter.events.Channel;
import io.contactcenter.events.CloudEvent;
import io.contactcenter.events.EventCodec;
import io.contactcenter.events.EventTypes;
import io.contactcenter.events.Topics;
import io.contactcenter.events.agent.AgentStateChanged;
import io.contactcenter.events.callback.CallbackCompleted;
import io.contactcenter.events.callback.CallbackDialing;
import io.contactcenter.events.callback.CallbackRequested;
import io.contactcenter.events.contact.ContactAbandoned;
import io.contactcenter.events.contact.ContactAnswered;
import io.contactcenter.events.contact.ContactCompleted;
import io.contactcenter.events.contact.ContactQueued;
import io.contactcenter.events.contact.ContactSurveyCompleted;
import io.contactcenter.events.contact.ContactTransferred;
import io.contactcenter.events.crm.RepeatContactDetected;
import io.contactcenter.events.ivr.IvrCompleted;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Replay: reporting builds its read models live, as events arrive (with redeliveries); then the read models are
 * emptied and rebuilt by a new consumer group from offset 0 of every topic. Every report must come out identical.
 */
class ReportingReplayTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final Instant DAY = Instant.parse("2026-03-02T08:00:00Z");
    private static final List<String> TOPICS = List.of(Topics.CONTACTS, Topics.AGENTS, Topics.CALLBACKS, Topics.CRM,
            Topics.IVR);

    private final EventCodec codec = new EventCodec(MAPPER, Clock.systemUTC(), "replay-test");
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void stack() {
        Stack.init();
    }

    @Test
    void rebuildingFromOffsetZeroGivesIdenticalReports() throws Exception {
        String live = "reporting-live-" + run;
        TopicSetup.skipToEnd(DevStack.KAFKA_BOOTSTRAP, live);
        Map<String, Object> before;
        try (ServiceProcess reporting = ServiceProcess.start("reporting", Map.of("CC_REPORTING_CONSUMER_GROUP", live))) {
            int sent = produceADay();
            Eventually.await("the live read models have the day", Duration.ofSeconds(60), Duration.ofMillis(500),
                    () -> Integer.valueOf(sent).equals(offered(reporting)));
            // the consumers commit their offsets periodically: wait until nothing is left, so no batch lands later
            awaitCaughtUp(live, Duration.ofSeconds(60));
            before = reports(reporting);
        }
        try (Connection db = Stack.database("reporting"); Statement sql = db.createStatement()) {
            sql.execute("truncate rpt_contact, rpt_agent, rpt_agent_state, rpt_callback, rpt_dial, rpt_ivr_session,"
                    + " rpt_case, rpt_repeat");
            sql.execute("delete from cc_inbox");
        }
        String rebuild = "reporting-rebuild-" + run;
        try (ServiceProcess reporting = ServiceProcess.start("reporting", Map.of("CC_REPORTING_CONSUMER_GROUP", rebuild),
                List.of("-Xmx512m", "-XX:+UseSerialGC"))) {
            awaitCaughtUp(rebuild, Duration.ofSeconds(240));
            Map<String, Object> after = reports(reporting);
            assertThat(after).isEqualTo(before);
        }
        assertThat(before.get("queue").toString()).contains("\"offered\":").contains("\"csat\":0.5");
    }

    /** Ten contacts over two hours in one queue, an agent's day, callbacks, IVR sessions, a repeat contact. */
    private int produceADay() {
        Random random = new Random(7);
        String queue = queue();
        String agent = "agent-" + run;
        List<String[]> ids = new ArrayList<>();
        Instant t = DAY;
        state(agent, "LOGGED_OUT", "AVAILABLE", t);
        for (int i = 0; i < 10; i++) {
            String id = "r-" + run + "-" + i;
            Instant at = DAY.plusSeconds(600L * i + random.nextInt(300));
            send(Topics.CONTACTS, EventTypes.CONTACT_QUEUED, id,
                    new ContactQueued(id, queue, i % 4 == 0 ? Channel.CHAT : Channel.VOICE, 1, at, at, Map.of(), 1, 30.0 + i));
            if (i % 5 == 3) {
                send(Topics.CONTACTS, EventTypes.CONTACT_ABANDONED, id, new ContactAbandoned(id, queue, 4 + i, 1, at.plusSeconds(4 + i)));
                continue;
            }
            double wait = 5 + random.nextInt(40);
            send(Topics.CONTACTS, EventTypes.CONTACT_ANSWERED, id, new ContactAnswered(id, queue, agent, wait, at.plusSeconds((long) wait)));
            if (i == 2) {
                send(Topics.CONTACTS, EventTypes.CONTACT_TRANSFERRED, id, new ContactTransferred(id, queue, agent, queue, null,
                        at.plusSeconds(100)));
            }
            send(Topics.CONTACTS, EventTypes.CONTACT_COMPLETED, id, new ContactCompleted(id, queue, agent, 120 + i, 5, 20,
                    at.plusSeconds(300)));
            send(Topics.CONTACTS, EventTypes.CONTACT_SURVEY_COMPLETED, id, new ContactSurveyCompleted(id, i % 2 == 0 ? 5 : 2,
                    at.plusSeconds(320)));
            ids.add(new String[] {id});
        }
        state(agent, "AVAILABLE", "NOT_READY", DAY.plusSeconds(3000));
        state(agent, "NOT_READY", "AVAILABLE", DAY.plusSeconds(3600));
        state(agent, "AVAILABLE", "LOGGED_OUT", DAY.plusSeconds(7000));
        send(Topics.CRM, EventTypes.CUSTOMER_REPEAT_CONTACT, "cust-" + run, new RepeatContactDetected("cust-" + run,
                ids.get(1)[0], ids.get(0)[0], "queue:" + queue, DAY, DAY.plusSeconds(1200)));
        for (int i = 0; i < 3; i++) {
            String cb = "cb-" + run + "-" + i;
            Instant at = DAY.plusSeconds(900L * i);
            send(Topics.CALLBACKS, EventTypes.CALLBACK_REQUESTED, cb, new CallbackRequested(cb, null, "+4930123456", queue,
                    "abandoned", at, at.plusSeconds(3600)));
            send(Topics.CALLBACKS, EventTypes.CALLBACK_DIALING, cb, new CallbackDialing(cb, queue, "+4930123456", agent, 1,
                    at.plusSeconds(600)));
            if (i < 2) {
                send(Topics.CALLBACKS, EventTypes.CALLBACK_COMPLETED, cb, new CallbackCompleted(cb, null, "answered",
                        at.plusSeconds(700)));
            }
        }
        for (String outcome : List.of("contained", "enqueued", "contained", "abandoned")) {
            String session = "s-" + run + "-" + outcome + "-" + UUID.randomUUID();
            send(Topics.IVR, EventTypes.IVR_COMPLETED, session, new IvrCompleted(session, null, "flow-" + run, outcome, "menu"));
        }
        return 10;
    }

    private String queue() {
        return "replay-" + run;
    }

    private Integer offered(ServiceProcess reporting) {
        return given().header("Authorization", Stack.token("supervisor"))
                .queryParam("from", "2026-03-02T08:00:00Z").queryParam("to", "2026-03-02T10:00:00Z").queryParam("interval", "P1D")
                .when().get(reporting.url("/reports/queues/" + queue() + "/intervals"))
                .then().extract().path("rows[0].offered");
    }

    /** What a rebuild must reproduce: queue, channel, agent and IVR reports, JSON and CSV. */
    private Map<String, Object> reports(ServiceProcess reporting) {
        Map<String, Object> out = new HashMap<>();
        String range = "?from=2026-03-02T08:00:00Z&to=2026-03-02T10:00:00Z&interval=PT15M";
        out.put("queue", get(reporting, "/reports/queues/" + queue() + "/intervals" + range, "application/json"));
        out.put("queueCsv", get(reporting, "/reports/queues/" + queue() + "/intervals" + range, "text/csv"));
        out.put("agent", get(reporting, "/reports/agents/agent-" + run + "/intervals" + range, "application/json"));
        String today = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS).toString();
        String tomorrow = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS).plus(Duration.ofDays(1)).toString();
        out.put("ivr", get(reporting, "/reports/ivr/intervals?flowId=flow-" + run + "&from=" + today + "&to=" + tomorrow
                + "&interval=P1D", "application/json"));
        return out;
    }

    private static String get(ServiceProcess reporting, String path, String accept) {
        return given().header("Authorization", Stack.token("supervisor")).accept(accept)
                .when().get(reporting.url(path)).then().statusCode(200).extract().asString();
    }

    /** The group's committed offsets reached the end of every partition of every topic it reads. */
    private static void awaitCaughtUp(String group, Duration timeout) {
        Eventually.await("consumer group " + group + " caught up", timeout, Duration.ofSeconds(1),
                () -> TopicSetup.caughtUp(DevStack.KAFKA_BOOTSTRAP, group, TOPICS));
    }

    private void state(String agent, String from, String to, Instant at) {
        send(Topics.AGENTS, EventTypes.AGENT_STATE_CHANGED, agent, new AgentStateChanged(agent, from, to, null, at));
    }

    /** Every event goes out twice, as a relay re-sending after a crash would: the inbox must count it once. */
    private void send(String topic, String type, String subject, Object data) {
        CloudEvent event = codec.create(type, subject, data);
        KafkaProbe.send(topic, subject, codec.write(event));
        KafkaProbe.send(topic, subject, codec.write(event));
    }
}
