package io.contactcenter.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.devstack.DevStack;
import io.contactcenter.devstack.Eventually;
import io.contactcenter.devstack.ServiceProcess;
import io.contactcenter.devstack.TwilioWebhook;
import io.contactcenter.e2e.VoiceLines.Line;
import io.contactcenter.devstack.sip.Baresip;
import io.contactcenter.devstack.sip.RtpEar;
import io.contactcenter.devstack.sip.Sipp;
import io.contactcenter.devstack.sip.SippPhone;
import io.restassured.path.xml.XmlPath;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real calls through the packaged voice gateway: sipp dials a number bound to a flow, hears the greeting as RTP,
 * presses a key as RFC 4733 events and waits in the queue; routing offers the call to an agent whose baresip phone
 * is registered to the gateway by digest; the phone rings and answers, and audio flows both ways; the caller hangs up
 * and routing and the IVR record the contact as completed.
 */
class VoiceCallTest {

    private static final int AGENT_TONE_HZ = 1500;
    private static final Path WORK = DevStack.root().resolve("e2e-tests/target/voice");
    private static final String TWILIO_TOKEN = "e2e-twilio-auth-token";

    private static ServiceProcess routing;
    private static ServiceProcess ivr;
    private static ServiceProcess voice;
    private static ServiceProcess callback;
    private static ServiceProcess crm;
    private static ServiceProcess reporting;
    private static int sipPort;
    private static int trunkPort;

    @BeforeAll
    static void stack() {
        Stack.init();
        routing = ServiceProcess.start("routing", Map.of());
        crm = ServiceProcess.start("crm", Map.of());
        ivr = ServiceProcess.start("ivr", Map.of("CC_IVR_ROUTING_URL", routing.url(""), "CC_IVR_CRM_URL", crm.url(""),
                "CC_IVR_SERVICE_TOKEN", raw(Stack.token("service"))));
        callback = ServiceProcess.start("callback", Map.of("CC_CALLBACK_SCHEDULER_INTERVAL", "100ms"));
        reporting = ServiceProcess.start("reporting", Map.of());
        sipPort = ServiceProcess.freePort();
        trunkPort = ServiceProcess.freePort();
        voice = startGateway(ServiceProcess.freePort());
    }

    /** The gateway on {@code httpPort}, always with the same SIP port and instance id (a restarted pod keeps its name). */
    private static ServiceProcess startGateway(int httpPort) {
        return ServiceProcess.start("voice", httpPort, Map.ofEntries(
                Map.entry("CC_VOICE_SIP_PORT", String.valueOf(sipPort)),
                Map.entry("CC_VOICE_RTP_PORT_MIN", "33000"),
                Map.entry("CC_VOICE_RTP_PORT_MAX", "33999"),
                Map.entry("CC_VOICE_IVR_URL", ivr.url("")),
                Map.entry("CC_VOICE_ROUTING_URL", routing.url("")),
                Map.entry("CC_VOICE_CALLBACK_URL", callback.url("")),
                Map.entry("CC_VOICE_CRM_URL", crm.url("")),
                Map.entry("CC_VOICE_RECORDING_DIR", WORK.resolve("recordings").toString()),
                Map.entry("CC_VOICE_DIAL_TRUNK_URI", "sip:{number}@127.0.0.1:" + trunkPort),
                Map.entry("CC_VOICE_SERVICE_TOKEN", raw(Stack.token("telephony"))),
                Map.entry("CC_VOICE_INSTANCE_ID", "e2e-voice-" + sipPort),
                Map.entry("CC_VOICE_TTS_CACHE", WORK.resolve("tts").toString()),
                Map.entry("CC_VOICE_TWILIO_AUTH_TOKEN", TWILIO_TOKEN)),
                java.util.List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    }

    @AfterAll
    static void stop() {
        for (ServiceProcess p : new ServiceProcess[] {voice, reporting, callback, ivr, crm, routing}) {
            if (p != null) {
                p.close();
            }
        }
    }

    @Test
    void callerHearsTheGreetingKeysIntoTheQueueAndTalksWithTheAgentWhosePhoneAnswers() throws Exception {
        Line line = line("+49409977", 15);
        String agent = line.agent();
        String number = line.number();
        int id = Math.abs(agent.hashCode());
        try (Baresip phone = Baresip.start(WORK.resolve("phone-" + agent), agent, line.password(), sipPort, AGENT_TONE_HZ, true);
                RtpEar ear = new RtpEar()) {
            awaitRegistered(agent);
            available(agent);
            String callerNumber = "+4930555" + String.format("%04d", id % 10000);
            customer(callerNumber, true);
            long started = System.nanoTime();
            Sipp.Result call = Sipp.caller(callerNumber)
                    .pause(7000).keys("1") // after the greeting and the menu, the caller asks for an agent
                    .pause(3000).talk().pause(9000) // once connected, speaks (sipp's sample) while the agent's tone comes back
                    .call(number, sipPort, ear, WORK, 90);
            assertThat(call.exitCode()).as("sipp: %s", call.output()).isZero();

            // the greeting and the menu, as long as espeak-ng renders them, and nothing before them
            double expected = spokenSeconds(VoiceLines.WELCOME, VoiceLines.MENU);
            assertThat(ear.firstSoundSeconds(1200)).as("first sound (expected %.2f s)", expected)
                    .isBetween(expected - 0.4, expected + 0.4);
            // the agent's phone answered: its tone reaches the caller, after the key
            long afterKey = started + TimeUnit.MILLISECONDS.toNanos(7000);
            assertThat(ear.toneSeconds(AGENT_TONE_HZ * 0.9, AGENT_TONE_HZ * 1.1, afterKey)).as("agent tone at the caller")
                    .isGreaterThan(5.0);
            // ...and the caller's voice reaches the agent's phone
            Eventually.await("baresip wrote what it heard", Duration.ofSeconds(10), Duration.ofMillis(200), () -> !phone.heard().isEmpty());
            assertThat(voicedSeconds(phone.heard().get(0))).as("caller's voice at the agent").isGreaterThan(3.0);

            String contactId = VoiceLines.lastContact(number);
            Eventually.await("routing completed " + contactId, Duration.ofSeconds(20), Duration.ofMillis(300), () -> {
                var r = given().header("Authorization", Stack.token("supervisor")).when().get(routing.url("/routing/contacts/" + contactId))
                        .then().extract();
                return r.statusCode() == 200 && "COMPLETED".equals(r.path("outcome")) && agent.equals(r.path("agentId"));
            });
            assertThat(ivrOutcome(number)).isEqualTo("completed");
            assertThat(metric("cc_voice_agent_rings_total{result=\"answered\"}")).isGreaterThanOrEqualTo(1);

            // the conversation is recorded (caller left, agent right) and attached to the contact's CRM interaction
            String[] uri = new String[1];
            Eventually.await("the recording is attached in the CRM", Duration.ofSeconds(20), Duration.ofMillis(300), () -> {
                var r = given().header("Authorization", Stack.token("supervisor")).when().get(crm.url("/crm/interactions/" + contactId))
                        .then().extract();
                uri[0] = r.statusCode() == 200 ? r.path("recordings[0].uri") : null;
                return uri[0] != null;
            });
            Path recording = Path.of(java.net.URI.create(uri[0]));
            assertThat(recording).exists();
            short[][] channels = stereo(recording);
            assertThat(voicedSeconds(channels[0])).as("caller's channel").isGreaterThan(3.0);
            assertThat(voicedSeconds(channels[1])).as("agent's channel").isGreaterThan(5.0);

            // the call's media quality reaches reporting (voice.call-ended on cc.voice), per queue and per agent
            String today = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS).toString();
            String tomorrow = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS).plus(Duration.ofDays(1)).toString();
            Eventually.await("reporting has the call's quality", Duration.ofSeconds(20), Duration.ofMillis(300), () -> Integer.valueOf(1).equals(
                    given().header("Authorization", Stack.token("supervisor")).queryParam("from", today).queryParam("to", tomorrow)
                            .queryParam("interval", "P1D").when().get(reporting.url("/reports/queues/" + line.queue() + "/call-quality"))
                            .then().extract().path("rows[0].calls")));
            var quality = given().header("Authorization", Stack.token("supervisor")).queryParam("from", today).queryParam("to", tomorrow)
                    .queryParam("interval", "P1D").when().get(reporting.url("/reports/agents/" + agent + "/call-quality"))
                    .then().statusCode(200).extract();
            // loopback: no loss, little jitter, both sides talked
            assertThat(quality.<Float>path("rows[0].averageMos")).isGreaterThan(4.2f);
            assertThat(quality.<Float>path("rows[0].averageAgentMos")).isGreaterThan(4.2f);
            assertThat(quality.<Float>path("rows[0].averageLossRatio")).isLessThan(0.01f);
            assertThat(quality.<Integer>path("rows[0].oneWayAudioCalls")).isZero();
        }
    }

    @Test
    void aPhoneThatDeclinesRejectsTheOfferAndTheCallerWaitsOn() throws Exception {
        Line line = line("+49409978", 15);
        double declinedBefore = metric("cc_voice_agent_rings_total{result=\"declined\"}");
        try (SippPhone phone = SippPhone.start(WORK, line.agent(), line.password(), sipPort, SippPhone.Answer.DECLINE);
                RtpEar ear = new RtpEar()) {
            var caller = callerWhoWaits(line, "+49305560101", ear, 14000);
            assertThat(phone.await(40)).as("phone: %s", phone.output()).isZero();
            String contactId = VoiceLines.lastContact(line.number());
            Eventually.await("the declined contact waits again", Duration.ofSeconds(10), Duration.ofMillis(200), () -> {
                var r = routingContact(contactId);
                return "QUEUED".equals(r.path("state")) && r.path("agentId") == null;
            });
            assertThat(metric("cc_voice_agent_rings_total{result=\"declined\"}")).isEqualTo(declinedBefore + 1);
            assertThat(caller.get(60, TimeUnit.SECONDS).exitCode()).isZero();
            Eventually.await("the caller's hang-up abandons " + contactId, Duration.ofSeconds(15), Duration.ofMillis(300),
                    () -> "ABANDONED".equals(routingContact(contactId).path("outcome")));
        }
    }

    @Test
    void aPhoneThatRingsOutIsCancelledWhenTheOfferExpires() throws Exception {
        Line line = line("+49409979", 6);
        double rangOutBefore = metric("cc_voice_agent_rings_total{result=\"rang-out\"}");
        try (SippPhone phone = SippPhone.start(WORK, line.agent(), line.password(), sipPort, SippPhone.Answer.RING_OUT);
                RtpEar ear = new RtpEar()) {
            var caller = callerWhoWaits(line, "+49305570101", ear, 14000);
            // the gateway cancels just before routing's offer expires; the phone answers the CANCEL with 487
            assertThat(phone.await(40)).as("phone: %s", phone.output()).isZero();
            Eventually.await("the ring-out is counted", Duration.ofSeconds(10), Duration.ofMillis(200),
                    () -> metric("cc_voice_agent_rings_total{result=\"rang-out\"}") == rangOutBefore + 1);
            Eventually.await("routing counts the missed offer", Duration.ofSeconds(10), Duration.ofMillis(300), () -> {
                Integer missed = given().header("Authorization", Stack.token("admin")).when().get(routing.url("/routing/agents/" + line.agent()))
                        .then().extract().path("missedOffers");
                return missed != null && missed >= 1;
            });
            assertThat(caller.get(60, TimeUnit.SECONDS).exitCode()).isZero();
        }
    }

    @Test
    void aGatewayKilledMidCallEndsTheCallInRoutingWhenItComesBack() throws Exception {
        Line line = line("+49409976", 15);
        String agent = line.agent();
        String number = line.number();
        int id = Math.abs(agent.hashCode());
        try (Baresip phone = Baresip.start(WORK.resolve("phone-" + agent), agent, line.password(), sipPort, AGENT_TONE_HZ, true);
                RtpEar ear = new RtpEar()) {
            awaitRegistered(agent);
            available(agent);
            String callerNumber = "+4930558" + String.format("%04d", id % 10000);
            customer(callerNumber, false); // withdrew consent to recording
            double notRecorded = metric("cc_voice_recordings_total{result=\"no-consent\"}");
            var caller = CompletableFuture.supplyAsync(() -> Sipp.caller(callerNumber)
                    .pause(7000).keys("1").pause(20000).call(number, sipPort, ear, WORK, 60));
            Eventually.await(agent + " talks with the caller", Duration.ofSeconds(30), Duration.ofMillis(200),
                    () -> "BUSY".equals(given().header("Authorization", Stack.token("admin")).when()
                            .get(routing.url("/routing/agents/" + agent)).then().extract().path("state")));
            String contactId = VoiceLines.lastContact(number);
            // the consent question follows the accept (300 ms budget): the agent may show busy a moment before
            Eventually.await("consent withdrawn: not recorded", Duration.ofSeconds(5), Duration.ofMillis(100),
                    () -> metric("cc_voice_recordings_total{result=\"no-consent\"}") == notRecorded + 1);
            voice.crash();
            voice = startGateway(voice.port);
            // the new life ends what the old one left open: routing completes the contact, the agent is free again
            Eventually.await("routing completed " + contactId + " after the crash", Duration.ofSeconds(30), Duration.ofMillis(300),
                    () -> "COMPLETED".equals(routingContact(contactId).path("outcome")));
            Eventually.await("the IVR session ended", Duration.ofSeconds(15), Duration.ofMillis(300),
                    () -> { try { return ivrOutcome(number) != null; } catch (Exception e) { return false; } });
            assertThat((String) given().header("Authorization", Stack.token("admin")).when().get(routing.url("/routing/agents/" + agent))
                    .then().extract().path("state")).isIn("WRAP_UP", "AVAILABLE");
            assertThat(metric("cc_voice_calls_recovered_total")).isGreaterThanOrEqualTo(1);
            caller.get(90, TimeUnit.SECONDS); // the caller's leg died with the old life; sipp's outcome is not the point
        }
    }

    @Test
    void aCallbackTheAgentTookIsDialledThroughTheTrunkAndTheRealAnswerIsItsOutcome() throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String queue = "voice-cb-" + id;
        String agent = "agent-" + id;
        String phone = "+4930559" + String.format("%05d", Math.abs(id.hashCode()) % 100000);
        Stack.queue(routing, queue, "{\"strategy\":\"LONGEST_IDLE\",\"wrapUpSeconds\":1,\"offerTimeoutSeconds\":20}");
        given().header("Authorization", Stack.token("admin")).contentType("application/json")
                .body("{\"skills\":{},\"queues\":{\"" + queue + "\":{\"level\":1,\"penalty\":0,\"weight\":1}}}")
                .when().put(routing.url("/routing/agents/" + agent)).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        String allDay = "[{\"open\":\"00:00\",\"close\":\"00:00\"}]";
        String weekly = java.util.stream.Stream.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")
                .map(d -> "\"" + d + "\":" + allDay).collect(java.util.stream.Collectors.joining(","));
        given().header("Authorization", Stack.token("admin")).contentType("application/json")
                .body("{\"maxAttempts\":3,\"minRetryIntervalSeconds\":60,\"maxPerNumberPerDay\":3,\"minAbandonWaitSeconds\":20,"
                        + "\"autoReturnAbandoned\":false,\"timeZone\":\"Etc/UTC\",\"callingHours\":{\"weekly\":{" + weekly + "}}}")
                .when().put(callback.url("/callbacks/policies/" + queue)).then().statusCode(200);
        try (SippPhone customer = SippPhone.customer(WORK, trunkPort, SippPhone.Answer.ANSWER);
                io.contactcenter.devstack.SseFeed offers = io.contactcenter.devstack.SseFeed.offers(java.net.URI.create(routing.url("/")), agent)) {
            available(agent);
            String callbackId = given().header("Authorization", Stack.token("telephony")).contentType("application/json")
                    .body("{\"phone\":\"" + phone + "\",\"queueId\":\"" + queue + "\",\"origin\":\"api\"}")
                    .when().post(callback.url("/callbacks")).then().statusCode(201).extract().path("callbackId");
            var offer = offers.next(Duration.ofSeconds(20));
            given().header("Authorization", io.contactcenter.devstack.Tokens.agent(agent))
                    .when().post(routing.url("/routing/offers/" + offer.path("offerId").asText() + "/accept")).then().statusCode(200);
            // callback-service asks for the dial; the gateway calls the customer through the trunk, sipp answers
            Eventually.await("the answered dial-out completes callback " + callbackId, Duration.ofSeconds(30), Duration.ofMillis(300), () ->
                    "COMPLETED".equals(given().header("Authorization", Stack.token("supervisor")).when()
                            .get(callback.url("/callbacks/" + callbackId)).then().extract().path("status")));
            try (Connection c = Stack.database("voice"); var st = c.prepareStatement(
                    "select outcome, sip_status from voice_dial where callback_id = ?")) {
                st.setString(1, callbackId);
                ResultSet rs = st.executeQuery();
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("ANSWERED");
                assertThat(rs.getInt(2)).isEqualTo(200);
                assertThat(rs.next()).as("one dial per attempt").isFalse();
            }
            // the agent finishes at the desk: the gateway hangs up on the customer
            given().header("Authorization", io.contactcenter.devstack.Tokens.agent(agent)).contentType("application/json").body("{}")
                    .when().post(routing.url("/routing/contacts/" + callbackId + "-1/complete")).then().statusCode(200);
            assertThat(customer.await(20)).as("customer: %s", customer.output()).isZero();
        }
    }

    @Test
    void aVoicemailIsRecordedAfterTheToneUntilTheHashKeyAndAttachedInTheCrm() throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String number = "+49409975" + String.format("%05d", Math.abs(id.hashCode()) % 100000);
        String callerNumber = "+4930554" + String.format("%04d", Math.abs(id.hashCode()) % 10000);
        customer(callerNumber, true);
        VoiceLines.flow(ivr, number, "flow-vm-" + id, """
                name: Voicemail line
                language: en
                start: vm
                operator: agent
                nodes:
                  vm: {type: voicemail, text: "Please leave a message after the tone.", mailbox: service-desk}
                  agent: {type: enqueue, queue: support}
                """);
        try (RtpEar ear = new RtpEar()) {
            // the prompt and the tone take about 3 s; the caller speaks (sipp's sample, ~7 s), then presses '#'
            Sipp.Result call = Sipp.caller(callerNumber).pause(3500).talk().pause(7500).keys("#").awaitBye(10000)
                    .call(number, sipPort, ear, WORK, 60);
            assertThat(call.exitCode()).as("the gateway hangs up after '#': %s", call.output()).isZero();
        }
        String contactId = VoiceLines.lastContact(number);
        assertThat(ivrOutcome(number)).isEqualTo("voicemail");
        String[] uri = new String[1];
        Eventually.await("the voicemail is attached in the CRM", Duration.ofSeconds(20), Duration.ofMillis(300), () -> {
            var r = given().header("Authorization", Stack.token("supervisor")).when().get(crm.url("/crm/interactions/" + contactId))
                    .then().extract();
            uri[0] = r.statusCode() == 200 ? r.path("recordings[0].uri") : null;
            return uri[0] != null;
        });
        assertThat(uri[0]).contains("voicemail-service-desk-");
        short[][] channels = stereo(Path.of(java.net.URI.create(uri[0])));
        assertThat(voicedSeconds(channels[0])).as("the caller's message").isBetween(3.0, 9.0);
    }

    @Test
    void aTransferNodeCallsTheNumberThroughTheTrunkAndBridgesTheCallerUntilTheyHangUp() throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String number = "+49409972" + String.format("%05d", Math.abs(id.hashCode()) % 100000);
        VoiceLines.flow(ivr, number, "flow-tr-" + id, """
                name: Transfer line
                language: en
                start: out
                operator: out
                nodes:
                  out: {type: transfer, text: "Connecting you to our partner.", to: "+4930551234567"}
                """);
        double connected = metric("cc_voice_transfers_total{result=\"connected\"}");
        // the partner's line is the trunk (a sipp UAS that answers and stays until the gateway hangs up)
        try (SippPhone partner = SippPhone.customer(WORK, trunkPort, SippPhone.Answer.ANSWER); RtpEar ear = new RtpEar()) {
            Sipp.Result call = Sipp.caller("+4930557" + String.format("%04d", Math.abs(id.hashCode()) % 10000))
                    .pause(4000).talk().pause(2000).call(number, sipPort, ear, WORK, 60);
            assertThat(call.exitCode()).as("sipp: %s", call.output()).isZero();
            // the caller hung up: the gateway ends the partner's leg
            assertThat(partner.await(20)).as("partner: %s", partner.output()).isZero();
        }
        assertThat(ivrOutcome(number)).isEqualTo("transferred");
        Eventually.await("the transfer is counted as connected", Duration.ofSeconds(10), Duration.ofMillis(200),
                () -> metric("cc_voice_transfers_total{result=\"connected\"}") == connected + 1);
    }

    @Test
    void aPhoneWithoutTelephoneEventsKeysWithSipInfo() throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String number = "+49409971" + String.format("%05d", Math.abs(id.hashCode()) % 100000);
        String queue = "voice-info-" + id;
        Stack.queue(routing, queue, "{\"strategy\":\"LONGEST_IDLE\"}");
        // only the key reaches the queue: silence or a wrong key ends the call
        VoiceLines.flow(ivr, number, "flow-info-" + id, """
                name: INFO keys
                language: en
                start: menu
                operator: queue
                nodes:
                  menu: {type: menu, text: "Press 2.", options: {"2": queue}, timeoutSeconds: 5, maxRetries: 1, noInput: bye, noMatch: bye}
                  queue: {type: enqueue, queue: %s}
                  bye: {type: hangup, text: "Goodbye."}
                """.formatted(queue));
        try (RtpEar ear = new RtpEar()) {
            Sipp.Result call = Sipp.caller("+4930556" + String.format("%04d", Math.abs(id.hashCode()) % 10000))
                    .pause(2500).infoKeys("2").pause(3000).call(number, sipPort, ear, WORK, 30);
            assertThat(call.exitCode()).as("sipp: %s", call.output()).isZero();
        }
        String contactId = VoiceLines.lastContact(number);
        Eventually.await("the INFO key queued " + contactId, Duration.ofSeconds(10), Duration.ofMillis(200), () -> {
            var r = routingContact(contactId);
            return r.statusCode() == 200 && queue.equals(r.path("queueId"));
        });
    }

    @Test
    void aCloudVoiceCallRunsThroughTheIvrIntoTheQueueAndIsDialledToTheAgentWhoTookIt() throws Exception {
        Line line = line("+49409974", 30);
        String agent = line.agent();
        String sid = TwilioWebhook.callSid();
        Map<String, String> call = TwilioWebhook.incomingCall(sid, "+4930553" + String.format("%04d", Math.abs(sid.hashCode()) % 10000),
                line.number());
        try (io.contactcenter.devstack.SseFeed offers = io.contactcenter.devstack.SseFeed.offers(java.net.URI.create(routing.url("/")), agent)) {
            available(agent); // no phone registered: the agent answers at the desk, the provider dials their client

            XmlPath greeting = twilio("/calls", call);
            assertThat(greeting.getString("Response.Gather.@action")).isEqualTo("/voice/twilio/gather");
            assertThat(greeting.getString("Response.Gather.Say[0]")).isEqualTo(VoiceLines.WELCOME);
            assertThat(greeting.getString("Response.Gather.Say[1]")).isEqualTo(VoiceLines.MENU);
            assertThat(greeting.getString("Response.Gather.@numDigits")).isEqualTo("1");
            assertThat(greeting.getString("Response.Redirect")).isEqualTo("/voice/twilio/timeout");

            XmlPath queued = twilio("/gather", TwilioWebhook.during(call, Map.of("Digits", "1", "FinishedOnKey", "")));
            assertThat(queued.getString("Response.Enqueue")).isEqualTo(line.queue());
            assertThat(queued.getString("Response.Enqueue.@waitUrl")).isEqualTo("/voice/twilio/wait");
            String contactId = VoiceLines.lastContact(line.number());

            var offer = offers.next(Duration.ofSeconds(20));
            assertThat(offer.path("contactId").asText()).isEqualTo(contactId);
            assertThat(offer.path("attributes").path("intent").asText()).as("the IVR's context travels with the offer").isEqualTo("voice-test");
            Map<String, String> waiting = TwilioWebhook.during(call, Map.of("QueueSid", "QU0123456789abcdef0123456789abcdef",
                    "QueuePosition", "1", "QueueTime", "3", "AvgQueueTime", "0", "CurrentQueueSize", "1"));
            assertThat(twilio("/wait", waiting).getString("Response.Play")).as("music while nobody took the call")
                    .endsWith("/voice/twilio/prompts/hold-music");
            given().header("Authorization", io.contactcenter.devstack.Tokens.agent(agent))
                    .when().post(routing.url("/routing/offers/" + offer.path("offerId").asText() + "/accept")).then().statusCode(200);
            // the next wait document tells the provider to take the caller out of the queue...
            Eventually.await("the wait document says Leave", Duration.ofSeconds(15), Duration.ofMillis(300),
                    () -> twilioRaw("/wait", waiting).contains("<Leave/>"));
            // ...and the Enqueue's action request dials the agent who took it
            XmlPath dial = twilio("/queue-result", TwilioWebhook.during(call, Map.of("QueueResult", "leave", "QueueTime", "5",
                    "QueueSid", "QU0123456789abcdef0123456789abcdef")));
            assertThat(dial.getString("Response.Dial.Client")).isEqualTo(agent);
            assertThat(dial.getString("Response.Dial.@action")).isEqualTo("/voice/twilio/dial-result");
            assertThat((String) routingContact(contactId).path("agentId")).isEqualTo(agent);

            // the agent's leg ends: routing completes the contact, the IVR goes on to its end
            String after = twilioRaw("/dial-result", TwilioWebhook.during(call, Map.of("DialCallStatus", "completed",
                    "DialCallDuration", "42", "DialCallSid", TwilioWebhook.callSid())));
            assertThat(after).contains("<Hangup/>");
            Eventually.await("routing completed " + contactId, Duration.ofSeconds(10), Duration.ofMillis(200),
                    () -> "COMPLETED".equals(routingContact(contactId).path("outcome")));
            twilio("/status", TwilioWebhook.during(call, Map.of("CallStatus", "completed", "CallDuration", "60")));
            assertThat(ivrOutcome(line.number())).isEqualTo("completed");

            // a webhook signed with another account's token changes nothing
            String before = routingContact(contactId).path("state");
            Map<String, String> forged = TwilioWebhook.during(call, Map.of("Digits", "0"));
            given().formParams(forged).header("X-Twilio-Signature", TwilioWebhook.signature("not-our-token", voice.url("/voice/twilio/gather"), forged))
                    .when().post(voice.url("/voice/twilio/gather")).then().statusCode(403);
            assertThat((String) routingContact(contactId).path("state")).isEqualTo(before);
        }
    }

    /** A signed webhook request as the provider posts it; its TwiML answer. */
    private static XmlPath twilio(String path, Map<String, String> params) {
        return new XmlPath(twilioRaw(path, params));
    }

    private static String twilioRaw(String path, Map<String, String> params) {
        String url = voice.url("/voice/twilio" + path);
        return given().formParams(params).header("X-Twilio-Signature", TwilioWebhook.signature(TWILIO_TOKEN, url, params))
                .when().post(url).then().statusCode(200).contentType(org.hamcrest.Matchers.containsString("xml"))
                .extract().asString();
    }

    private static Line line(String numberPrefix, int offerTimeoutSeconds) {
        return VoiceLines.line(routing, ivr, voice, numberPrefix, offerTimeoutSeconds);
    }

    /** Once the line's phone is registered and its agent available, a caller keys into the queue and waits there. */
    private static CompletableFuture<Sipp.Result> callerWhoWaits(Line line, String callerNumber, RtpEar ear, long waitMillis) {
        awaitRegistered(line.agent());
        available(line.agent());
        return CompletableFuture.supplyAsync(() -> Sipp.caller(callerNumber).pause(7000).keys("1").pause(waitMillis)
                .call(line.number(), sipPort, ear, WORK, 90));
    }

    private static io.restassured.response.ExtractableResponse<io.restassured.response.Response> routingContact(String contactId) {
        return given().header("Authorization", Stack.token("supervisor")).when().get(routing.url("/routing/contacts/" + contactId))
                .then().extract();
    }

    private static void awaitRegistered(String agent) {
        VoiceLines.awaitRegistered(voice, agent);
    }

    private static void available(String agent) {
        VoiceLines.available(routing, agent);
    }

    /** The voiced span of the prompts played back to back, as the gateway renders them (espeak-ng, sox to 8 kHz). */
    private static double spokenSeconds(String... texts) throws Exception {
        double offset = 0;
        double first = -1;
        double last = 0;
        for (String text : texts) {
            Path wav = Files.createTempFile(WORK, "say", ".wav");
            Path raw = Files.createTempFile(WORK, "espeak", ".wav");
            exec("espeak-ng", "-v", "en-us", "-w", raw.toString(), "--", text);
            exec("sox", raw.toString(), "-r", "8000", "-c", "1", "-b", "16", "-e", "signed-integer", wav.toString());
            short[] pcm = samples(wav);
            int a = -1;
            int b = -1;
            for (int i = 0; i + 160 <= pcm.length; i += 160) {
                long sum = 0;
                for (int j = 0; j < 160; j++) {
                    sum += Math.abs(pcm[i + j]);
                }
                if (sum / 160 >= 100) {
                    a = a < 0 ? i : a;
                    b = i + 160;
                }
            }
            if (a >= 0) {
                first = first < 0 ? offset + a / 8000.0 : first;
                last = offset + b / 8000.0;
            }
            // the gateway sends whole 20 ms frames: a prompt's last partial frame is padded
            offset += Math.ceil(pcm.length / 160.0) * 0.02;
        }
        return last - first;
    }

    private static void customer(String phone, boolean recordingConsent) {
        given().header("Authorization", Stack.token("admin")).contentType("application/json")
                .body("{\"displayName\":\"Caller " + phone + "\",\"segment\":\"STANDARD\",\"phones\":[\"" + phone + "\"],"
                        + "\"consents\":{\"doNotCall\":false,\"marketing\":false,\"recording\":" + recordingConsent + "}}")
                .when().post(crm.url("/crm/customers")).then().statusCode(201);
    }

    /** Both channels of a stereo 16-bit WAV. */
    private static short[][] stereo(Path wav) throws Exception {
        byte[] b = Files.readAllBytes(wav);
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(buf.getShort(22)).as("channels").isEqualTo((short) 2);
        assertThat(buf.getInt(40)).as("the data chunk's size is what the file holds").isEqualTo(b.length - 44);
        int n = (b.length - 44) / 4;
        short[][] out = new short[2][n];
        for (int i = 0; i < n; i++) {
            out[0][i] = buf.getShort(44 + i * 4);
            out[1][i] = buf.getShort(44 + i * 4 + 2);
        }
        return out;
    }

    private static double voicedSeconds(Path wav) throws Exception {
        return voicedSeconds(samples(wav));
    }

    private static double voicedSeconds(short[] pcm) {
        int voiced = 0;
        int frame = 160;
        for (int i = 0; i + frame <= pcm.length; i += frame) {
            long sum = 0;
            for (int j = 0; j < frame; j++) {
                sum += Math.abs(pcm[i + j]);
            }
            voiced += sum / frame >= 100 ? 1 : 0;
        }
        return voiced * frame / 8000.0;
    }

    /** 16-bit PCM samples of a WAV (first channel), at 8 kHz: baresip writes its dumps at the call's rate. */
    private static short[] samples(Path wav) throws Exception {
        byte[] b = Files.readAllBytes(wav);
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int pos = 12;
        int channels = 1;
        while (pos + 8 <= b.length) {
            int chunk = buf.getInt(pos);
            int size = buf.getInt(pos + 4);
            if (chunk == 0x20746d66) {
                channels = buf.getShort(pos + 10);
            }
            if (chunk == 0x61746164) {
                int n = Math.min(size, b.length - pos - 8) / 2 / channels;
                short[] out = new short[n];
                for (int i = 0; i < n; i++) {
                    out[i] = buf.getShort(pos + 8 + i * 2 * channels);
                }
                return out;
            }
            pos += 8 + size;
        }
        return new short[0];
    }

    private static void exec(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
    }

    private static String ivrOutcome(String number) throws Exception {
        try (Connection c = Stack.database("ivr"); var st = c.prepareStatement(
                "select outcome from ivr_session where to_number = ? order by started_at desc limit 1")) {
            st.setString(1, number);
            ResultSet rs = st.executeQuery();
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static double metric(String series) {
        String body = given().when().get(voice.url("/q/metrics")).then().statusCode(200).extract().asString();
        for (String line : body.split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).trim());
            }
        }
        return 0;
    }

    private static String raw(String bearer) {
        return bearer.substring("Bearer ".length());
    }
}
