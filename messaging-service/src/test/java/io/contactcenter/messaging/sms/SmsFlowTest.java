package io.contactcenter.messaging.sms;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.contactcenter.devstack.DevStack;
import io.contactcenter.devstack.Eventually;
import io.contactcenter.devstack.KafkaProbe;
import io.contactcenter.devstack.Tokens;
import io.contactcenter.devstack.TwilioWebhook;
import io.contactcenter.events.EventCodec;
import io.contactcenter.events.EventTypes;
import io.contactcenter.events.Topics;
import io.contactcenter.events.contact.ContactAnswered;
import io.contactcenter.messaging.MessagingStack;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SMS through the Twilio-compatible adapter against a local stand-in for the provider's API: signed webhooks in, an
 * agent's replies out (split when long), status callbacks, STOP and START, and the sending hours for unasked messages.
 */
@QuarkusTest
@MessagingStack
@TestProfile(SmsProfile.class)
class SmsFlowTest {

    private static final String INCOMING = SmsProfile.PUBLIC_URL + "/messaging/sms/twilio";
    private static FakeTwilio twilio;

    @Inject
    EventCodec codec;

    @BeforeAll
    static void provider() {
        twilio = new FakeTwilio(SmsProfile.PORT);
    }

    @AfterAll
    static void stop() {
        twilio.close();
    }

    @Test
    void anSmsConversationWithRepliesStatusCallbacksAndAStop() throws Exception {
        String phone = "+4930" + (2_000_000 + System.nanoTime() % 7_000_000);
        String agent = "sam-" + System.nanoTime() % 100_000;
        String contactId;
        try (KafkaProbe commands = KafkaProbe.tail(Topics.ROUTING_COMMANDS)) {
            sms(phone, "Hi, my dryer is broken", "SMa1").statusCode(200).body(containsString("<Response/>"));
            sms(phone, "Hi, my dryer is broken", "SMa1").statusCode(200); // the provider repeats a webhook
            var enqueue = commands.await(r -> r.value().contains(phone), Duration.ofSeconds(10));
            assertThat(enqueue.get(0).value()).contains("\"channel\":\"SMS\"").contains("\"queueId\":\"sms\"");
            contactId = enqueue.get(0).key();
        }
        String conversation = conversationOf(contactId);
        given().header("Authorization", Tokens.bearer("supervisor")).get("/messaging/conversations/" + conversation)
                .then().statusCode(200).body("channel", equalTo("SMS")).body("phone", equalTo(phone))
                .body("messages.size()", equalTo(1)).body("messages[0].text", equalTo("Hi, my dryer is broken"));

        // forged or broken webhooks change nothing
        Map<String, String> p = form(phone, "forged", "SMa2");
        given().formParams(p).header("X-Twilio-Signature", TwilioWebhook.signature("another-token", INCOMING, p))
                .post("/messaging/sms/twilio").then().statusCode(403);
        Map<String, String> noFrom = new LinkedHashMap<>(p);
        noFrom.remove("From");
        given().formParams(noFrom).header("X-Twilio-Signature", TwilioWebhook.signature(SmsProfile.TOKEN, INCOMING, noFrom))
                .post("/messaging/sms/twilio").then().statusCode(400).body("detail", containsString("From"));

        // an agent takes it and answers: the provider gets the reply at once (the customer is in the conversation)
        send(EventTypes.CONTACT_ANSWERED, contactId, new ContactAnswered(contactId, "sms", agent, 3, Instant.now()));
        Eventually.await("assigned", Duration.ofSeconds(10), Duration.ofMillis(100), () -> agent.equals(
                given().header("Authorization", Tokens.bearer("supervisor")).get("/messaging/conversations/" + conversation)
                        .then().extract().path("agentId")));
        int before = twilio.sent.size();
        reply(agent, conversation, "A technician will call you tomorrow.");
        Eventually.await("sent to the provider", Duration.ofSeconds(10), Duration.ofMillis(50), () -> twilio.sent.size() > before);
        Map<String, String> out = twilio.sent.get(before);
        assertThat(out).containsEntry("To", phone).containsEntry("From", "+4940555000")
                .containsEntry("Body", "A technician will call you tomorrow.")
                .containsEntry("StatusCallback", SmsProfile.PUBLIC_URL + "/messaging/sms/twilio/status");
        assertThat(twilio.authorizations.get(twilio.authorizations.size() - 1)).startsWith("Basic ");
        String sid = FakeTwilio.sid(before + 1);
        Eventually.await("SENT", Duration.ofSeconds(5), Duration.ofMillis(50), () -> "SENT".equals(lastDelivery(conversation)));
        status(sid, "sent");
        status(sid, "delivered");
        Eventually.await("DELIVERED", Duration.ofSeconds(5), Duration.ofMillis(50), () -> "DELIVERED".equals(lastDelivery(conversation)));

        // a long answer leaves in numbered parts, in order
        int beforeLong = twilio.sent.size();
        String longText = ("The washing machine drum bearing needs replacing, which takes about an hour. ").repeat(30).strip();
        reply(agent, conversation, longText);
        Eventually.await("parts sent", Duration.ofSeconds(10), Duration.ofMillis(50), () -> twilio.sent.size() >= beforeLong + 2);
        List<String> bodies = twilio.sent.subList(beforeLong, twilio.sent.size()).stream().map(m -> m.get("Body")).toList();
        assertThat(bodies).hasSize(2);
        assertThat(bodies.get(0)).endsWith("(1/2)").hasSizeLessThanOrEqualTo(1600);
        assertThat(bodies.get(1)).endsWith("(2/2)");

        // STOP: recorded, announced for the CRM; the next reply is blocked and the agent told
        try (KafkaProbe messaging = KafkaProbe.tail(Topics.MESSAGING)) {
            sms(phone, "stop", "SMa3").statusCode(200);
            var optOut = messaging.await(r -> r.key().equals(phone) && r.value().contains(EventTypes.CONVERSATION_OPT_OUT_CHANGED),
                    Duration.ofSeconds(10));
            assertThat(optOut.get(0).value()).contains("\"optedOut\":true").contains("\"keyword\":\"STOP\"");
        }
        int beforeBlocked = twilio.sent.size();
        reply(agent, conversation, "Are you still there?");
        Eventually.await("BLOCKED", Duration.ofSeconds(5), Duration.ofMillis(50), () -> "BLOCKED".equals(lastDelivery(conversation)));
        Thread.sleep(300);
        assertThat(twilio.sent).hasSize(beforeBlocked);
        given().header("Authorization", Tokens.bearer("supervisor")).get("/messaging/conversations/" + conversation)
                .then().body("messages.text", org.hamcrest.Matchers.hasItem(containsString("opted out")));

        // START allows SMS again
        sms(phone, "START", "SMa4").statusCode(200);
        reply(agent, conversation, "Welcome back.");
        Eventually.await("sent again", Duration.ofSeconds(5), Duration.ofMillis(50), () -> twilio.sent.size() > beforeBlocked);
    }

    @Test
    void aMessageTheCustomerIsNotWaitingForWaitsForTheSendingHours() {
        String phone = "+4930" + (2_000_000 + System.nanoTime() % 7_000_000);
        int before = twilio.sent.size();
        JsonPath started = given().header("Authorization", Tokens.bearer("service")).contentType("application/json")
                .body(Map.of("phone", phone, "text", "We will continue here by SMS: reply to this message.",
                        "parentContactId", "call-1", "attributes", Map.of("intent", "repair")))
                .post("/messaging/conversations").then().statusCode(201)
                .body("channel", equalTo("SMS")).body("status", equalTo("QUEUED"))
                .extract().jsonPath();
        String conversation = started.getString("conversationId");
        Eventually.await("looked at", Duration.ofSeconds(5), Duration.ofMillis(50),
                () -> "waits for the sending hours".equals(deliveryError(conversation)));
        assertThat(lastDelivery(conversation)).isEqualTo("PENDING");
        assertThat(twilio.sent).hasSize(before);
        given().header("Authorization", Tokens.bearer("service")).contentType("application/json")
                .body(Map.of("phone", "12", "text", "x")).post("/messaging/conversations").then().statusCode(400);
        given().header("Authorization", Tokens.bearer("service")).contentType("application/json")
                .body(Map.of("phone", phone)).post("/messaging/conversations").then().statusCode(400);
    }

    private io.restassured.response.ValidatableResponse sms(String from, String body, String sid) {
        Map<String, String> p = form(from, body, sid);
        return given().formParams(p).header("X-Twilio-Signature", TwilioWebhook.signature(SmsProfile.TOKEN, INCOMING, p))
                .post("/messaging/sms/twilio").then();
    }

    private static Map<String, String> form(String from, String body, String sid) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("MessageSid", sid);
        p.put("AccountSid", "AC00000000000000000000000000000001");
        p.put("From", from);
        p.put("To", "+4940555000");
        p.put("Body", body);
        p.put("NumMedia", "0");
        return p;
    }

    private void status(String sid, String status) {
        String url = SmsProfile.PUBLIC_URL + "/messaging/sms/twilio/status";
        Map<String, String> p = Map.of("MessageSid", sid, "MessageStatus", status, "AccountSid", "AC00000000000000000000000000000001");
        given().formParams(p).header("X-Twilio-Signature", TwilioWebhook.signature(SmsProfile.TOKEN, url, p))
                .post("/messaging/sms/twilio/status").then().statusCode(200);
    }

    private static void reply(String agent, String conversation, String text) {
        given().header("Authorization", Tokens.agent(agent)).contentType("application/json").body(Map.of("text", text))
                .post("/messaging/conversations/" + conversation + "/messages").then().statusCode(201)
                .body("delivery", equalTo("PENDING"));
    }

    private void send(String type, String key, Object data) {
        KafkaProbe.send(Topics.CONTACTS, key, codec.write(codec.create(type, key, data)));
    }

    private static String conversationOf(String contactId) throws Exception {
        return query("select conversation_id from msg_opening where contact_id = ?", contactId);
    }

    private static String lastDelivery(String conversation) {
        return query("select d.status from msg_delivery d join msg_message m on m.id = d.message_id"
                + " where d.conversation_id = ? order by m.seq desc limit 1", conversation);
    }

    private static String deliveryError(String conversation) {
        return query("select error from msg_delivery where conversation_id = ? limit 1", conversation);
    }

    private static String query(String sql, String arg) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:5432/cc_messaging_test", "cc_messaging",
                DevStack.dbPassword("messaging")); var st = c.prepareStatement(sql)) {
            st.setString(1, arg);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
