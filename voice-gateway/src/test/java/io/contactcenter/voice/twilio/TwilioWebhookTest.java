package io.contactcenter.voice.twilio;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.twilio.security.RequestValidator;
import io.contactcenter.devstack.TwilioWebhook;
import io.contactcenter.voice.VoiceStack;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The cloud-voice webhooks' edge: signatures, missing parameters, unknown calls, prompts served as audio. */
@QuarkusTest
@VoiceStack
class TwilioWebhookTest {

    private static final String TOKEN = "test-auth-token";

    @TestHTTPResource("/voice/twilio/calls")
    URL calls;

    @TestHTTPResource("/voice/twilio/gather")
    URL gather;

    @Test
    void theFixtureSignerReproducesTheProvidersDocumentedExample() {
        Map<String, String> p = new TreeMap<>(Map.of("CallSid", "CA1234567890ABCDE", "Caller", "+14158675310", "Digits", "1234",
                "From", "+14158675310", "To", "+18005551212"));
        String url = "https://mycompany.com/myapp.php?foo=1&bar=2";
        assertThat(TwilioWebhook.signature("12345", url, p)).isEqualTo("GvWf1cFY/Q7PnoempGyD5oXAezc=");
        assertThat(new RequestValidator("12345").validate(url, p, "GvWf1cFY/Q7PnoempGyD5oXAezc=")).isTrue();
    }

    @Test
    void anUnsignedOrWronglySignedWebhookIsRefused() {
        Map<String, String> p = TwilioWebhook.incomingCall(TwilioWebhook.callSid(), "+4930123456", "+4940990000000");
        given().formParams(p).when().post(calls).then().statusCode(403).body("detail", containsString("X-Twilio-Signature is missing"));
        given().formParams(p).header("X-Twilio-Signature", TwilioWebhook.signature("another-accounts-token", calls.toString(), p))
                .when().post(calls).then().statusCode(403).body("detail", containsString("does not match"));
        // signed for other parameters: a tampered request
        Map<String, String> tampered = new TreeMap<>(p);
        tampered.put("To", "+4940990000001");
        given().formParams(tampered).header("X-Twilio-Signature", TwilioWebhook.signature(TOKEN, calls.toString(), p))
                .when().post(calls).then().statusCode(403);
    }

    @Test
    void aSignedRequestWithoutACallOrForAnUnknownCallIsAClientError() {
        Map<String, String> none = Map.of("AccountSid", "AC0123456789abcdef0123456789abcdef", "To", "+4940990000000");
        given().formParams(none).header("X-Twilio-Signature", TwilioWebhook.signature(TOKEN, calls.toString(), none))
                .when().post(calls).then().statusCode(400).body("detail", containsString("CallSid"));
        Map<String, String> unknown = TwilioWebhook.during(TwilioWebhook.incomingCall(TwilioWebhook.callSid(), "+4930123456",
                "+4940990000000"), Map.of("Digits", "1"));
        given().formParams(unknown).header("X-Twilio-Signature", TwilioWebhook.signature(TOKEN, gather.toString(), unknown))
                .when().post(gather).then().statusCode(404).body("detail", containsString("No call"));
    }

    @Test
    void promptsAreServedAsEightKilohertzWavForThePlayVerb() {
        byte[] wav = given().when().get("/voice/twilio/prompts/hold-music").then().statusCode(200)
                .contentType("audio/wav").extract().asByteArray();
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(wav, 0, 4)).isEqualTo("RIFF");
        assertThat(b.getInt(24)).as("sample rate").isEqualTo(8000);
        assertThat(wav.length).as("seconds of music").isGreaterThan(8000 * 2 * 5);
    }
}
