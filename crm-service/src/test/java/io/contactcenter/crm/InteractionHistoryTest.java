package io.contactcenter.crm;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.contactcenter.devstack.Eventually;
import io.contactcenter.devstack.KafkaProbe;
import io.contactcenter.devstack.Tokens;
import io.contactcenter.events.Channel;
import io.contactcenter.events.CloudEvent;
import io.contactcenter.events.EventCodec;
import io.contactcenter.events.EventTypes;
import io.contactcenter.events.Topics;
import io.contactcenter.events.callback.CallbackRequested;
import io.contactcenter.events.contact.ContactAbandoned;
import io.contactcenter.events.contact.ContactAnswered;
import io.contactcenter.events.contact.ContactArrived;
import io.contactcenter.events.contact.ContactCompleted;
import io.contactcenter.events.contact.ContactQueued;
import io.contactcenter.events.contact.ContactSurveyCompleted;
import io.contactcenter.events.contact.ContactTransferred;
import io.contactcenter.events.ivr.IvrCompleted;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import io.contactcenter.events.messaging.ConversationMessage;
import io.contactcenter.events.messaging.OptOutChanged;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Events from the real broker build the timeline, the lookup context and first-contact-resolution signals. */
@QuarkusTest
@CrmStack
class InteractionHistoryTest {

    private static final String AGENT = Tokens.bearer("agent");

    @Inject
    EventCodec codec;

    @Test
    void aCallFromArrivalToCompletionBecomesOneInteractionWithItsAgentWaitAndCsat() {
        var c = CrmFixtures.customer("STANDARD");
        String contact = UUID.randomUUID().toString();
        Instant t0 = Instant.now().minusSeconds(600);
        send(Topics.CONTACTS, EventTypes.CONTACT_ARRIVED, contact, new ContactArrived(contact, Channel.VOICE, c.phone(), "+4940555000", t0));
        send(Topics.CONTACTS, EventTypes.CONTACT_QUEUED, contact, new ContactQueued(contact, "support", Channel.VOICE, 0,
                t0.plusSeconds(20), t0.plusSeconds(20), Map.of(), 1, 30.0));
        send(Topics.CONTACTS, EventTypes.CONTACT_ANSWERED, contact, new ContactAnswered(contact, "support", "agent-7", 42.5, t0.plusSeconds(62)));
        send(Topics.CONTACTS, EventTypes.CONTACT_TRANSFERRED, contact, new ContactTransferred(contact, "support", "agent-7", "billing", null, t0.plusSeconds(100)));
        send(Topics.CONTACTS, EventTypes.CONTACT_COMPLETED, contact, new ContactCompleted(contact, "billing", "agent-9", 200, 10, 30, t0.plusSeconds(400)));
        CloudEvent survey = codec.create(EventTypes.CONTACT_SURVEY_COMPLETED, contact, new ContactSurveyCompleted(contact, 2, t0.plusSeconds(420)));
        KafkaProbe.send(Topics.CONTACTS, contact, codec.write(survey));
        KafkaProbe.send(Topics.CONTACTS, contact, codec.write(survey)); // redelivered: counted once

        awaitTimeline(c.customerId(), "[0].csat", 2);
        timeline(c.customerId())
                .body("interactionId", contains(contact))
                .body("[0].kind", equalTo("CONTACT"))
                .body("[0].outcome", equalTo("COMPLETED"))
                .body("[0].queueId", equalTo("billing"))
                .body("[0].agentId", equalTo("agent-9"))
                .body("[0].waitSeconds", equalTo(42.5f))
                .body("[0].handleSeconds", equalTo(240.0f))
                .body("[0].transfers", equalTo(1))
                .body("[0].issue", equalTo("queue:support"));
        given().header("Authorization", AGENT).queryParam("phone", c.phone())
                .when().get("/crm/customers/lookup")
                .then().statusCode(200)
                .body("history.contacts", equalTo(1))
                .body("history.lastContact.contactId", equalTo(contact))
                .body("history.lastContact.outcome", equalTo("COMPLETED"))
                .body("history.lastAgentId", equalTo("agent-9"))
                .body("signals.lastCsat", equalTo(2))
                .body("risk.reasons", contains("low-csat"));
    }

    @Test
    void aSecondContactOnTheSameIssueIsARepeatAndIsPublishedOnce() {
        var c = CrmFixtures.customer("VIP");
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        Instant t0 = Instant.now().minus(Duration.ofDays(2));
        // the IVR attached the customer id: no number needed
        Map<String, String> ctx = Map.of("customerId", c.customerId(), "issue", "delivery-late");
        try (KafkaProbe crm = KafkaProbe.tail(Topics.CRM)) {
            send(Topics.CONTACTS, EventTypes.CONTACT_QUEUED, first, new ContactQueued(first, "sales", Channel.VOICE, 0, t0, t0, ctx, 1, null));
            send(Topics.CONTACTS, EventTypes.CONTACT_ABANDONED, first, new ContactAbandoned(first, "sales", 200, 1, t0.plusSeconds(200)));
            // a different issue is not a repeat
            send(Topics.CONTACTS, EventTypes.CONTACT_QUEUED, other, new ContactQueued(other, "sales", Channel.VOICE, 0,
                    t0.plusSeconds(3600), t0.plusSeconds(3600), Map.of("customerId", c.customerId(), "issue", "invoice"), 1, null));
            Instant t1 = Instant.now().minusSeconds(60);
            send(Topics.CONTACTS, EventTypes.CONTACT_QUEUED, second, new ContactQueued(second, "sales", Channel.VOICE, 0, t1, t1, ctx, 1, null));
            // re-queued after a transfer: still one repeat
            send(Topics.CONTACTS, EventTypes.CONTACT_QUEUED, second, new ContactQueued(second, "support", Channel.VOICE, 0, t1.plusSeconds(30), t1, ctx, 1, null));

            var repeats = crm.await(r -> r.value().contains(EventTypes.CUSTOMER_REPEAT_CONTACT) && r.value().contains(second),
                    Duration.ofSeconds(20));
            assertThat(repeats).hasSize(1);
            assertThat(repeats.get(0).key()).isEqualTo(c.customerId());
            assertThat(repeats.get(0).value()).contains(first).contains("issue:delivery-late");
            assertThat(crm.collect(r -> r.value().contains(EventTypes.CUSTOMER_REPEAT_CONTACT)
                    && r.value().contains(c.customerId()), Duration.ofSeconds(2))).hasSize(1);
        }
        awaitTimeline(c.customerId(), "[0].queueId", "support");
        timeline(c.customerId())
                .body("interactionId", contains(second, other, first))
                .body("[0].repeatOf", equalTo(first))
                .body("[1].repeatOf", equalTo(null));
        given().header("Authorization", AGENT).when().get("/crm/customers/" + c.customerId() + "/context")
                .then().statusCode(200)
                .body("history.contacts", equalTo(3))
                .body("signals.recentContacts", equalTo(3))
                .body("signals.repeatContacts", equalTo(1))
                .body("signals.recentAbandon", equalTo(true))
                .body("signals.recentLongWait", equalTo(true))
                .body("risk.reasons", contains("repeat-contacts", "recent-abandon", "long-wait"))
                .body("risk.score", equalTo(45));
    }

    @Test
    void callbacksAndSelfServiceInTheIvrJoinTheTimeline() {
        var c = CrmFixtures.customer("NEW");
        String callback = UUID.randomUUID().toString();
        String contact = UUID.randomUUID().toString();
        Instant now = Instant.now();
        send(Topics.CONTACTS, EventTypes.CONTACT_ARRIVED, contact, new ContactArrived(contact, Channel.VOICE, c.phone(), "+4940555000", now.minusSeconds(90)));
        send(Topics.IVR, EventTypes.IVR_COMPLETED, "s-" + contact, new IvrCompleted("s-" + contact, contact, "after-sales", "contained", "order-status"));
        send(Topics.CALLBACKS, EventTypes.CALLBACK_REQUESTED, callback, new CallbackRequested(callback, null, c.phone(), "support",
                "web", now.plusSeconds(3600), now.plusSeconds(7200)));

        awaitTimeline(c.customerId(), "size()", 2);
        // the IVR's outcome arrives on its own topic, so it may join the contact after both entries exist
        awaitTimeline(c.customerId(), "find { it.kind == 'CONTACT' }.outcome", "SELF_SERVICE");
        timeline(c.customerId())
                .body("kind", hasItems("CONTACT", "CALLBACK"))
                .body("find { it.kind == 'CONTACT' }.outcome", equalTo("SELF_SERVICE"))
                .body("find { it.kind == 'CONTACT' }.ivrOutcome", equalTo("contained"))
                .body("find { it.kind == 'CALLBACK' }.outcome", equalTo("REQUESTED"))
                .body("find { it.kind == 'CALLBACK' }.queueId", equalTo("support"));
    }

    @Test
    void anIvrOutcomeReadBeforeTheContactArrivedStillJoinsIt() throws InterruptedException {
        var c = CrmFixtures.customer("STANDARD");
        String contact = UUID.randomUUID().toString();
        send(Topics.IVR, EventTypes.IVR_COMPLETED, "s-" + contact, new IvrCompleted("s-" + contact, contact, "after-sales", "contained", "order-status"));
        Thread.sleep(2000); // the IVR consumer reads it first: no interaction exists yet
        send(Topics.CONTACTS, EventTypes.CONTACT_ARRIVED, contact, new ContactArrived(contact, Channel.VOICE, c.phone(), "+4940555000", Instant.now()));
        awaitTimeline(c.customerId(), "size()", 1);
        awaitTimeline(c.customerId(), "[0].outcome", "SELF_SERVICE");
        timeline(c.customerId()).body("[0].ivrOutcome", equalTo("contained"));
    }

    @Test
    void recordingsAttachToAContactButNotAgainstWithdrawnConsent() {
        var c = CrmFixtures.customer("STANDARD");
        String contact = UUID.randomUUID().toString();
        send(Topics.CONTACTS, EventTypes.CONTACT_ARRIVED, contact, new ContactArrived(contact, Channel.VOICE, c.phone(), "+4940555000", Instant.now()));
        awaitTimeline(c.customerId(), "size()", 1);
        given().header("Authorization", Tokens.bearer("telephony")).contentType("application/json")
                .body("""
                        {"uri":"s3://recordings/%s.wav","mediaType":"audio/wav","durationSeconds":312.5,
                         "recordedAt":"2026-11-24T09:00:00Z","interactionId":"%s","metadata":{"codec":"pcm"}}
                        """.formatted(contact, contact))
                .when().post("/crm/recordings")
                .then().statusCode(201);
        given().header("Authorization", AGENT).when().get("/crm/interactions/" + contact)
                .then().statusCode(200)
                .body("recordings[0].uri", equalTo("s3://recordings/" + contact + ".wav"))
                .body("recordings[0].metadata.codec", equalTo("pcm"));
        given().header("Authorization", Tokens.bearer("telephony")).contentType("application/json")
                .body("{\"uri\":\"ftp://x\",\"mediaType\":\"video/mp4\",\"recordedAt\":\"2026-11-24T09:00:00Z\"}")
                .when().post("/crm/recordings")
                .then().statusCode(400).body("errors.field", hasItems("uri", "mediaType"));
        given().header("Authorization", Tokens.bearer("telephony")).contentType("application/json")
                .body("{\"uri\":\"s3://x\",\"mediaType\":\"audio/wav\",\"recordedAt\":\"2026-11-24T09:00:00Z\",\"interactionId\":\"nope\"}")
                .when().post("/crm/recordings")
                .then().statusCode(404);

        given().header("Authorization", AGENT).contentType("application/json")
                .body("{\"displayName\":\"Private\",\"segment\":\"STANDARD\",\"phones\":[\"%s\"],\"consents\":{\"recording\":false}}"
                        .formatted(c.phone()))
                .when().put("/crm/customers/" + c.customerId())
                .then().statusCode(200);
        given().header("Authorization", Tokens.bearer("telephony")).contentType("application/json")
                .body("{\"uri\":\"s3://y\",\"mediaType\":\"audio/wav\",\"recordedAt\":\"2026-11-24T09:00:00Z\",\"interactionId\":\"%s\"}"
                        .formatted(contact))
                .when().post("/crm/recordings")
                .then().statusCode(409).body("detail", containsString("consent"));
    }

    @Test
    void theHandlingAgentsWrapUpIsStoredOnTheInteractionAndNobodyElseCanWriteIt() {
        var c = CrmFixtures.customer("STANDARD");
        String contact = UUID.randomUUID().toString();
        Instant t0 = Instant.now().minusSeconds(300);
        send(Topics.CONTACTS, EventTypes.CONTACT_ARRIVED, contact, new ContactArrived(contact, Channel.VOICE, c.phone(), "+4940555000", t0));
        send(Topics.CONTACTS, EventTypes.CONTACT_ANSWERED, contact, new ContactAnswered(contact, "support", "agent-w", 12.0, t0.plusSeconds(12)));
        awaitTimeline(c.customerId(), "[0].agentId", "agent-w");
        String wrapUp = "{\"disposition\":\"resolved\",\"notes\":\"Explained the invoice.\"}";

        given().header("Authorization", Tokens.agent("agent-other")).contentType("application/json").body(wrapUp)
                .when().post("/crm/interactions/" + contact + "/wrap-up")
                .then().statusCode(409).body("detail", containsString("not recorded as handled by you"));
        given().header("Authorization", Tokens.agent("agent-w")).contentType("application/json")
                .body("{\"disposition\":\"made-up\"}")
                .when().post("/crm/interactions/" + contact + "/wrap-up")
                .then().statusCode(400).body("detail", containsString("resolved"));
        given().header("Authorization", Tokens.agent("agent-w")).contentType("application/json").body("{}")
                .when().post("/crm/interactions/" + contact + "/wrap-up")
                .then().statusCode(400);
        given().header("Authorization", Tokens.agent("agent-w")).contentType("application/json").body(wrapUp)
                .when().post("/crm/interactions/nope-" + contact + "/wrap-up")
                .then().statusCode(404);
        given().header("Authorization", AGENT).when().get("/crm/interactions/" + contact)
                .then().statusCode(200).body("disposition", org.hamcrest.Matchers.nullValue());

        given().header("Authorization", Tokens.agent("agent-w")).contentType("application/json").body(wrapUp)
                .when().post("/crm/interactions/" + contact + "/wrap-up")
                .then().statusCode(200)
                .body("disposition", equalTo("resolved"))
                .body("notes", equalTo("Explained the invoice."))
                .body("wrappedBy", equalTo("agent-w"));
        timeline(c.customerId()).body("[0].disposition", equalTo("resolved"));
        given().header("Authorization", AGENT).when().get("/crm/dispositions")
                .then().statusCode(200).body("$", hasItems("resolved", "case-opened", "callback-scheduled"));
    }

    @Test
    void aStopBySmsMarksTheCustomerDoNotTextAndAStartClearsItWhileAPutCannot() {
        var c = CrmFixtures.customer("STANDARD");
        send(Topics.MESSAGING, EventTypes.CONVERSATION_OPT_OUT_CHANGED, c.phone(),
                new OptOutChanged(Channel.SMS, c.phone(), true, "STOP", Instant.now()));
        Eventually.await("opted out", Duration.ofSeconds(10), Duration.ofMillis(100), () -> Boolean.TRUE.equals(
                given().header("Authorization", AGENT).get("/crm/customers/" + c.customerId()).then().extract()
                        .path("consents.doNotText")));
        // a replace from a client that knows nothing of it leaves the customer's own choice alone
        given().header("Authorization", AGENT).contentType("application/json")
                .body(Map.of("displayName", "Renamed", "segment", "STANDARD", "phones", java.util.List.of(c.phone()),
                        "consents", Map.of("doNotCall", false, "marketing", false, "recording", true, "doNotText", false)))
                .put("/crm/customers/" + c.customerId()).then().statusCode(200).body("consents.doNotText", equalTo(true));
        send(Topics.MESSAGING, EventTypes.CONVERSATION_OPT_OUT_CHANGED, c.phone(),
                new OptOutChanged(Channel.SMS, c.phone(), false, "START", Instant.now()));
        Eventually.await("opted in", Duration.ofSeconds(10), Duration.ofMillis(100), () -> Boolean.FALSE.equals(
                given().header("Authorization", AGENT).get("/crm/customers/" + c.customerId()).then().extract()
                        .path("consents.doNotText")));
    }

    @Test
    void messagesOfAKnownCustomersChatAreTheTranscriptOfItsInteraction() {
        var c = CrmFixtures.customer("STANDARD");
        String contact = UUID.randomUUID().toString();
        Instant t0 = Instant.now().minusSeconds(60);
        send(Topics.CONTACTS, EventTypes.CONTACT_QUEUED, contact, new ContactQueued(contact, "chat", Channel.CHAT, 0,
                t0, t0, Map.of("customerId", c.customerId()), 1, 30.0));
        send(Topics.MESSAGING, EventTypes.MESSAGE_SENT, "conv-1", new ConversationMessage("m2-" + contact, "conv-1", contact,
                Channel.CHAT, c.customerId(), 2, "agent-7", "How can I help?", 0, t0.plusSeconds(20)));
        send(Topics.MESSAGING, EventTypes.MESSAGE_RECEIVED, "conv-1", new ConversationMessage("m1-" + contact, "conv-1", contact,
                Channel.CHAT, c.customerId(), 1, "Ann", "Hello", 0, t0.plusSeconds(10)));
        Eventually.await("transcript", Duration.ofSeconds(10), Duration.ofMillis(100), () -> {
            java.util.List<String> texts = timeline(c.customerId()).extract().path("find { it.interactionId == '" + contact + "' }.transcript.text");
            return texts != null && texts.equals(java.util.List.of("Hello", "How can I help?"));
        });
        timeline(c.customerId()).body("find { it.interactionId == '" + contact + "' }.transcript.direction",
                org.hamcrest.Matchers.contains("IN", "OUT"));
        // an erasure takes the words with it
        given().header("Authorization", Tokens.bearer("admin")).delete("/crm/customers/" + c.customerId()).then().statusCode(204);
        given().header("Authorization", Tokens.bearer("admin")).get("/crm/interactions/" + contact).then()
                .body("transcript", org.hamcrest.Matchers.empty());
    }

    @Test
    void timelineRejectsBadRangesAndUnknownCustomers() {
        given().header("Authorization", AGENT).queryParam("from", "yesterday")
                .when().get("/crm/customers/" + CrmFixtures.customer("NEW").customerId() + "/interactions")
                .then().statusCode(400).body("detail", containsString("ISO-8601"));
        given().header("Authorization", AGENT).when().get("/crm/customers/nobody/interactions")
                .then().statusCode(404);
    }

    private void send(String topic, String type, String subject, Object data) {
        KafkaProbe.send(topic, subject, codec.write(codec.create(type, subject, data)));
    }

    private static ValidatableResponse timeline(String customerId) {
        return given().header("Authorization", AGENT)
                .when().get("/crm/customers/" + customerId + "/interactions")
                .then().statusCode(200);
    }

    private static void awaitTimeline(String customerId, String path, Object expected) {
        Eventually.await("timeline " + path + " = " + expected, Duration.ofSeconds(20), Duration.ofMillis(200), () -> {
            Object actual = given().header("Authorization", AGENT)
                    .when().get("/crm/customers/" + customerId + "/interactions")
                    .then().extract().path(path);
            return expected.equals(actual);
        });
    }
}
