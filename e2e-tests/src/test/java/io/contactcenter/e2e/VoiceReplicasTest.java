package io.contactcenter.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.devstack.DevStack;
import io.contactcenter.devstack.Eventually;
import io.contactcenter.devstack.ServiceProcess;
import io.contactcenter.devstack.sip.Baresip;
import io.contactcenter.devstack.sip.Kamailio;
import io.contactcenter.devstack.sip.RtpEar;
import io.contactcenter.devstack.sip.Sipp;
import io.contactcenter.e2e.VoiceLines.Line;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two voice gateway replicas behind Kamailio's dispatcher, with the shipped configuration: a phone registers through
 * the proxy to one replica, calls through the proxy land on both in turn, and each replica rings the phone wherever it
 * registered; with one replica killed, the proxy takes the next call to the other.
 */
class VoiceReplicasTest {

    private static final Path WORK = DevStack.root().resolve("e2e-tests/target/voice-replicas");
    private static final String NONCE_SECRET = "e2e-shared-nonce-secret";

    private static ServiceProcess routing;
    private static ServiceProcess ivr;
    private static final List<ServiceProcess> gateways = new ArrayList<>();
    private static final List<Integer> sipPorts = new ArrayList<>();
    private static Kamailio proxy;

    @BeforeAll
    static void stack() {
        Stack.init();
        routing = ServiceProcess.start("routing", Map.of());
        ivr = ServiceProcess.start("ivr", Map.of("CC_IVR_ROUTING_URL", routing.url(""), "CC_IVR_SERVICE_TOKEN", raw(Stack.token("service"))));
        for (int i = 0; i < 2; i++) {
            int sip = ServiceProcess.freePort();
            sipPorts.add(sip);
            gateways.add(ServiceProcess.start("voice", ServiceProcess.freePort(), Map.of(
                    "CC_VOICE_SIP_PORT", String.valueOf(sip),
                    "CC_VOICE_RTP_PORT_MIN", String.valueOf(34000 + i * 500),
                    "CC_VOICE_RTP_PORT_MAX", String.valueOf(34499 + i * 500),
                    "CC_VOICE_IVR_URL", ivr.url(""),
                    "CC_VOICE_ROUTING_URL", routing.url(""),
                    "CC_VOICE_SERVICE_TOKEN", raw(Stack.token("telephony")),
                    "CC_VOICE_INSTANCE_ID", "e2e-replica-" + i,
                    "CC_VOICE_SIP_NONCE_SECRET", NONCE_SECRET,
                    "CC_VOICE_RECORDING_ENABLED", "false",
                    "CC_VOICE_TTS_CACHE", WORK.resolve("tts-" + i).toString()),
                    List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")));
        }
        proxy = Kamailio.start(WORK.resolve("kamailio"), sipPorts);
    }

    @AfterAll
    static void stop() {
        if (proxy != null) {
            proxy.close();
        }
        gateways.forEach(ServiceProcess::close);
        for (ServiceProcess p : new ServiceProcess[] {ivr, routing}) {
            if (p != null) {
                p.close();
            }
        }
    }

    @Test
    void callsThroughKamailioReachBothReplicasEachRingsThePhoneWhereverItRegisteredAndADeadReplicaIsSkipped() throws Exception {
        Line line = VoiceLines.line(routing, ivr, gateways.get(0), "+49409973", 15);
        String agent = line.agent();
        try (Baresip phone = Baresip.start(WORK.resolve("phone-" + agent), agent, line.password(), proxy.port, 1500, true)) {
            // registered through the proxy: its challenge and the phone's answer may be taken by different replicas
            VoiceLines.awaitRegistered(gateways.get(1), agent);
            String registeredOn = registrationInstance(agent);
            Set<String> tookCalls = new HashSet<>();
            for (int call = 0; call < 2; call++) {
                VoiceLines.available(routing, agent);
                String contactId = talk(line, "+493055201" + call);
                tookCalls.add(callInstance(contactId));
            }
            assertThat(tookCalls).as("round robin: one call on each replica").containsExactlyInAnyOrder("e2e-replica-0", "e2e-replica-1");
            assertThat(registeredOn).isIn(tookCalls); // so the other replica rang a phone registered on its peer

            // a replica dies: the proxy's next INVITE to it times out (3 s) and goes to the survivor
            gateways.get(0).crash();
            for (int call = 0; call < 2; call++) { // whichever replica round robin picks first, one of these meets the dead one
                VoiceLines.available(routing, agent);
                assertThat(callInstance(talk(line, "+493055202" + call))).isEqualTo("e2e-replica-1");
            }
        } finally {
            System.out.println(proxy.log().lines().filter(l -> l.contains("INVITE") || l.contains("REGISTER") || l.contains("WARN"))
                    .limit(40).reduce("kamailio:", (a, b) -> a + "\n" + b));
        }
    }

    /** A caller dials the line through the proxy, keys 1, is bridged with the agent's phone and talks; the contact id. */
    private static String talk(Line line, String callerNumber) throws Exception {
        try (RtpEar ear = new RtpEar()) {
            Sipp.Result call = Sipp.caller(callerNumber).pause(7000).keys("1").pause(3000).talk().pause(2000)
                    .call(line.number(), proxy.port, ear, WORK, 60);
            assertThat(call.exitCode()).as("sipp: %s", call.output()).isZero();
            assertThat(ear.toneSeconds(1350, 1650, 0)).as("the agent's tone reached the caller").isGreaterThan(2.0);
        }
        String contactId = VoiceLines.lastContact(line.number());
        Eventually.await("routing completed " + contactId, Duration.ofSeconds(20), Duration.ofMillis(300), () -> {
            var r = given().header("Authorization", Stack.token("supervisor")).when().get(routing.url("/routing/contacts/" + contactId))
                    .then().extract();
            return r.statusCode() == 200 && "COMPLETED".equals(r.path("outcome")) && line.agent().equals(r.path("agentId"));
        });
        // wrap-up (1 s) ends before the next call is offered
        Eventually.await(line.agent() + " available again", Duration.ofSeconds(10), Duration.ofMillis(200), () -> "AVAILABLE".equals(
                given().header("Authorization", Stack.token("admin")).when().get(routing.url("/routing/agents/" + line.agent()))
                        .then().extract().path("state")));
        return contactId;
    }

    /** The replica that held the contact's call, and whether it bridged the agent's phone. */
    private static String callInstance(String contactId) throws Exception {
        try (Connection c = Stack.database("voice"); var st = c.prepareStatement(
                "select instance_id, agent_id from voice_call where contact_id = ?")) {
            st.setString(1, contactId);
            ResultSet rs = st.executeQuery();
            assertThat(rs.next()).as("a call row for %s", contactId).isTrue();
            assertThat(rs.getString(2)).as("the agent's phone was bridged").isNotNull();
            return rs.getString(1);
        }
    }

    private static String registrationInstance(String agent) throws Exception {
        try (Connection c = Stack.database("voice"); var st = c.prepareStatement(
                "select instance_id from voice_registration where agent_id = ?")) {
            st.setString(1, agent);
            ResultSet rs = st.executeQuery();
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    private static String raw(String bearer) {
        return bearer.substring("Bearer ".length());
    }
}
