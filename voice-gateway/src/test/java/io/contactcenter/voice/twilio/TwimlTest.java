package io.contactcenter.voice.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.twiml.voice.Say;
import org.junit.jupiter.api.Test;

class TwimlTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Twiml twiml = new Twiml("/voice/twilio", "client:{agent}");

    private static JsonNode turn(String state, String actions) throws Exception {
        return JSON.readTree("{\"sessionId\":\"s\",\"contactId\":\"c\",\"state\":\"" + state + "\",\"actions\":" + actions + "}");
    }

    @Test
    void promptsBeforeAGatherAreNestedInItSoAKeyCutsThemShort() throws Exception {
        String xml = twiml.turn(turn("IVR", "[{\"type\":\"say\",\"text\":\"Welcome.\",\"language\":\"en\"},"
                + "{\"type\":\"say\",\"text\":\"Press 1.\"},{\"type\":\"gather\",\"maxDigits\":1,\"timeoutSeconds\":7,\"speech\":true}]"));

        assertThat(xml).contains("<Gather action=\"/voice/twilio/gather\"").contains("numDigits=\"1\"").contains("timeout=\"7\"")
                .contains("input=\"dtmf speech\"")
                .contains("<Say language=\"en-US\">Welcome.</Say><Say>Press 1.</Say></Gather>")
                .endsWith("<Redirect>/voice/twilio/timeout</Redirect></Response>");
    }

    @Test
    void aQueuedTurnEnqueuesWithAWaitDocumentAndLeavesTheMusicToIt() throws Exception {
        String xml = twiml.turn(turn("QUEUED", "[{\"type\":\"say\",\"text\":\"You are number 1.\"},"
                + "{\"type\":\"play\",\"prompt\":\"hold-music\"},{\"type\":\"enqueued\",\"queueId\":\"support\",\"contactId\":\"c\"}]"));

        assertThat(xml).contains("<Say>You are number 1.</Say>")
                .contains("<Enqueue action=\"/voice/twilio/queue-result\" waitUrl=\"/voice/twilio/wait\">support</Enqueue>")
                .doesNotContain("<Play>");
    }

    @Test
    void theWaitDocumentPlaysAnnouncementsAndMusicThenLeavesOnceConnected() throws Exception {
        assertThat(twiml.waiting(turn("QUEUED", "[{\"type\":\"say\",\"text\":\"Still there.\"}]")))
                .contains("<Say>Still there.</Say><Play>/voice/twilio/prompts/hold-music</Play>");
        assertThat(twiml.waiting(turn("QUEUED", "[]"))).as("never silence").contains("<Play>/voice/twilio/prompts/hold-music</Play>");
        assertThat(twiml.waiting(turn("CONNECTED", "[{\"type\":\"bridge\",\"agentId\":\"ann\"}]"))).contains("<Leave/>");
        assertThat(twiml.waiting(turn("ENDED", "[{\"type\":\"say\",\"text\":\"Goodbye.\"},{\"type\":\"hangup\"}]")))
                .contains("<Leave/>");
    }

    @Test
    void aBridgeDialsTheAgentsClientOrSipAddress() throws Exception {
        JsonNode bridge = turn("CONNECTED", "[{\"type\":\"bridge\",\"agentId\":\"ann\"}]");
        assertThat(twiml.turn(bridge)).contains("<Dial action=\"/voice/twilio/dial-result\"><Client>ann</Client></Dial>");
        assertThat(new Twiml("https://cc.example.com/voice/twilio", "sip:{agent}@pbx.example.com").turn(bridge))
                .contains("<Dial action=\"https://cc.example.com/voice/twilio/dial-result\"><Sip>sip:ann@pbx.example.com</Sip></Dial>");
    }

    @Test
    void voicemailTransferAndTheEndOfTheFlowAreTheirVerbs() throws Exception {
        assertThat(twiml.turn(turn("IVR", "[{\"type\":\"say\",\"text\":\"After the tone.\"},{\"type\":\"record\",\"mailbox\":\"m\"}]")))
                .contains("<Say>After the tone.</Say><Record")
                .contains("action=\"/voice/twilio/recorded\"").contains("finishOnKey=\"#\"").contains("maxLength=\"120\"");
        assertThat(twiml.turn(turn("ENDED", "[{\"type\":\"transfer\",\"to\":\"+4940123456\"}]")))
                .contains("<Dial action=\"/voice/twilio/dial-result\">+4940123456</Dial>");
        assertThat(twiml.turn(turn("ENDED", "[{\"type\":\"say\",\"text\":\"Goodbye.\"}]"))).endsWith("<Say>Goodbye.</Say><Hangup/></Response>");
        assertThat(twiml.turn(turn("IVR", "[{\"type\":\"say\",\"text\":\"One moment.\"}]")))
                .as("prompts alone: report them played").endsWith("<Redirect>/voice/twilio/next</Redirect></Response>");
    }

    @Test
    void languagesMapToTheProvidersVoicesOrItsDefault() {
        assertThat(Twiml.language("en")).isEqualTo(Say.Language.EN_US);
        assertThat(Twiml.language("de")).isEqualTo(Say.Language.DE_DE);
        assertThat(Twiml.language("en-GB").toString()).isEqualTo("en-GB");
        assertThat(Twiml.language("xx")).isNull();
        assertThat(Twiml.language(null)).isNull();
    }
}
