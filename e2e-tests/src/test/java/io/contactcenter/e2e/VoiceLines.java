package io.contactcenter.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.devstack.Eventually;
import io.contactcenter.devstack.ServiceProcess;
import io.contactcenter.devstack.Tokens;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;

/**
 * Lines for the voice tests, provisioned through the public APIs: a queue, an agent with a phone account, and a number
 * bound to a flow that greets, offers a menu ("1" for an agent) and queues the caller with the intent "voice-test".
 */
final class VoiceLines {

    static final String WELCOME = "Welcome to the voice test line.";
    static final String MENU = "For an agent, press 1.";

    /** One test's line; the phone's password is derived from the agent id. */
    record Line(String queue, String agent, String number, String password) {
    }

    private VoiceLines() {
    }

    static Line line(ServiceProcess routing, ServiceProcess ivr, ServiceProcess voice, String numberPrefix, int offerTimeoutSeconds) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        Line line = new Line("voice-" + id, "agent-" + id, numberPrefix + String.format("%05d", Math.abs(id.hashCode()) % 100000),
                "pw-" + id + "-secret");
        String admin = Stack.token("admin");
        Stack.queue(routing, line.queue(), "{\"strategy\":\"LONGEST_IDLE\",\"wrapUpSeconds\":1,\"offerTimeoutSeconds\":"
                + offerTimeoutSeconds + "}");
        given().header("Authorization", admin).contentType("application/json")
                .body("{\"skills\":{},\"queues\":{\"" + line.queue() + "\":{\"level\":1,\"penalty\":0,\"weight\":1}}}")
                .when().put(routing.url("/routing/agents/" + line.agent())).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        flow(ivr, line.number(), "flow-" + line.queue(), """
                name: Voice test line
                language: en
                start: welcome
                operator: queue
                nodes:
                  welcome: {type: say, text: "%s", next: menu}
                  menu:
                    type: menu
                    text: "%s"
                    options: {"1": queue}
                    timeoutSeconds: 10
                    maxRetries: 1
                    noInput: queue
                    noMatch: queue
                  queue:
                    type: enqueue
                    queue: %s
                    attributes: {intent: "voice-test"}
                    hold: {music: [hold-music], announceEverySeconds: 60, announcePosition: true}
                """.formatted(WELCOME, MENU, line.queue()));
        given().header("Authorization", admin).contentType("application/json").body("{\"password\":\"" + line.password() + "\"}")
                .when().put(voice.url("/voice/phones/" + line.agent())).then().statusCode(200);
        return line;
    }

    /** Publishes {@code yaml} as flow {@code flowId} and binds {@code number} to it. */
    static void flow(ServiceProcess ivr, String number, String flowId, String yaml) {
        String admin = Stack.token("admin");
        given().header("Authorization", admin).contentType("application/yaml").body(yaml.getBytes())
                .when().put(ivr.url("/ivr/flows/" + flowId)).then().log().ifValidationFails().statusCode(200);
        given().header("Authorization", admin).when().post(ivr.url("/ivr/flows/" + flowId + "/publish")).then().statusCode(200);
        given().header("Authorization", admin).contentType("application/json").body("{\"flowId\":\"" + flowId + "\"}")
                .when().put(ivr.url("/ivr/numbers/" + number)).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    /** The contact of the latest IVR session of calls to {@code number}. */
    static String lastContact(String number) throws Exception {
        try (Connection c = Stack.database("ivr"); var st = c.prepareStatement(
                "select contact_id from ivr_session where to_number = ? order by started_at desc limit 1")) {
            st.setString(1, number);
            ResultSet rs = st.executeQuery();
            assertThat(rs.next()).as("an IVR session for %s", number).isTrue();
            return rs.getString(1);
        }
    }

    static void awaitRegistered(ServiceProcess voice, String agent) {
        Eventually.await(agent + "'s phone registered", Duration.ofSeconds(20), Duration.ofMillis(200), () -> Boolean.TRUE.equals(
                given().header("Authorization", Stack.token("admin")).when().get(voice.url("/voice/phones/" + agent))
                        .then().extract().path("registered")));
    }

    static void available(ServiceProcess routing, String agent) {
        given().header("Authorization", Tokens.agent(agent)).contentType("application/json")
                .body("{\"state\":\"AVAILABLE\"}").when().post(routing.url("/routing/agents/" + agent + "/state"))
                .then().statusCode(200);
    }
}
