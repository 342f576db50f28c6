package io.contactcenter.voice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.contactcenter.devstack.Tokens;
import io.contactcenter.voice.media.Recording;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The gateway's REST API and its SIP listener, on a real database and broker, spoken to over real sockets. */
@QuarkusTest
@VoiceStack
class VoiceApiTest {

    private static final String ADMIN = Tokens.bearer("admin");

    @ConfigProperty(name = "cc.voice.sip.port")
    int sipPort;

    @Test
    void phoneCredentialsAreStoredAsDigestHashAndShownWithoutIt() {
        String agent = "ph-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", ADMIN).contentType("application/json").body("{\"password\":\"long-enough-secret\"}")
                .when().put("/voice/phones/" + agent)
                .then().statusCode(200).body("agentId", equalTo(agent)).body("username", equalTo(agent))
                .body("registered", equalTo(false)).body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("ha1")));
        given().header("Authorization", ADMIN).when().get("/voice/phones/" + agent).then().statusCode(200);
        given().header("Authorization", ADMIN).when().delete("/voice/phones/" + agent).then().statusCode(204);
        given().header("Authorization", ADMIN).when().get("/voice/phones/" + agent).then().statusCode(404);
    }

    @Test
    void shortPasswordsAndOddNamesAreRefusedWithTheField() {
        given().header("Authorization", ADMIN).contentType("application/json").body("{\"password\":\"short\"}")
                .when().put("/voice/phones/ok-agent")
                .then().statusCode(400).body("errors.field", hasItem(containsString("password")));
        given().header("Authorization", ADMIN).contentType("application/json").body("{\"password\":\"long-enough-secret\",\"username\":\"a b\"}")
                .when().put("/voice/phones/ok-agent").then().statusCode(400);
        given().header("Authorization", Tokens.agent("ok-agent")).contentType("application/json")
                .body("{\"password\":\"long-enough-secret\"}").when().put("/voice/phones/ok-agent").then().statusCode(403);
    }

    @Test
    void uploadedPromptIsResampledToEightKilohertzAndListed() throws Exception {
        String name = "prompt-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", ADMIN).contentType("audio/wav").body(wav16k(2.0))
                .when().put("/voice/prompts/" + name)
                .then().statusCode(200).body("name", equalTo(name))
                .body("seconds", org.hamcrest.Matchers.both(org.hamcrest.Matchers.greaterThan(1.95f)).and(org.hamcrest.Matchers.lessThan(2.05f)));
        given().header("Authorization", ADMIN).when().get("/voice/prompts").then().statusCode(200).body("name", hasItem(name));
        given().header("Authorization", ADMIN).contentType("audio/wav").body("RIFF....WAVEnot really audio at all, just text".getBytes())
                .when().put("/voice/prompts/" + name).then().statusCode(400).body("detail", containsString("WAV"));
        given().header("Authorization", ADMIN).when().delete("/voice/prompts/" + name).then().statusCode(204);
        given().header("Authorization", ADMIN).when().delete("/voice/prompts/" + name).then().statusCode(404);
    }

    @Test
    void sipOptionsIsAnsweredForALoadBalancersHealthCheck() throws Exception {
        String reply = sip("OPTIONS sip:cc-voice@127.0.0.1 SIP/2.0\r\n" + headers("OPTIONS", "opt") + "Content-Length: 0\r\n\r\n");
        assertThat(reply).startsWith("SIP/2.0 200").contains("Allow:").contains("REGISTER");
    }

    @Test
    void registerWithoutCredentialsIsChallengedAndWithWrongOnesRefused() throws Exception {
        String agent = "reg-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", ADMIN).contentType("application/json").body("{\"password\":\"long-enough-secret\"}")
                .when().put("/voice/phones/" + agent).then().statusCode(200);
        String challenge = sip("REGISTER sip:127.0.0.1 SIP/2.0\r\n" + headers("REGISTER", agent)
                + "Contact: <sip:" + agent + "@127.0.0.1:5999>\r\nExpires: 60\r\nContent-Length: 0\r\n\r\n");
        assertThat(challenge).startsWith("SIP/2.0 401").contains("WWW-Authenticate: Digest").contains("qop=\"auth\"");
        String nonce = challenge.replaceAll("(?s).*nonce=\"([^\"]+)\".*", "$1");
        String wrong = sip("REGISTER sip:127.0.0.1 SIP/2.0\r\n" + headers("REGISTER", agent)
                + "Contact: <sip:" + agent + "@127.0.0.1:5999>\r\nExpires: 60\r\n"
                + "Authorization: Digest username=\"" + agent + "\", realm=\"contact-center\", nonce=\"" + nonce + "\", uri=\"sip:127.0.0.1\","
                + " response=\"00000000000000000000000000000000\", algorithm=MD5\r\nContent-Length: 0\r\n\r\n");
        assertThat(wrong).startsWith("SIP/2.0 403");
        given().header("Authorization", ADMIN).when().get("/voice/phones/" + agent).then().statusCode(200).body("registered", equalTo(false));
        // the right answer to the same challenge registers the phone
        String ha1 = io.contactcenter.voice.phone.Phones.ha1(agent, "contact-center", "long-enough-secret");
        String response = io.contactcenter.voice.phone.Phones.md5(ha1 + ":" + nonce + ":"
                + io.contactcenter.voice.phone.Phones.md5("REGISTER:sip:127.0.0.1"));
        String ok = sip("REGISTER sip:127.0.0.1 SIP/2.0\r\n" + headers("REGISTER", agent)
                + "Contact: <sip:" + agent + "@127.0.0.1:5999>\r\nExpires: 60\r\n"
                + "Authorization: Digest username=\"" + agent + "\", realm=\"contact-center\", nonce=\"" + nonce + "\", uri=\"sip:127.0.0.1\","
                + " response=\"" + response + "\", algorithm=MD5\r\nContent-Length: 0\r\n\r\n");
        assertThat(ok).startsWith("SIP/2.0 200");
        given().header("Authorization", ADMIN).when().get("/voice/phones/" + agent).then().statusCode(200)
                .body("registered", equalTo(true)).body("contactUri", containsString(agent + "@127.0.0.1:5999"));
    }

    @Test
    void malformedSipIsABadRequestAndCounted() throws Exception {
        double before = malformed();
        String reply = sip("INVITE sip:+4940990000000@127.0.0.1 SIP/2.0\r\n" + headers("INVITE", "bad")
                + "Contact: <sip:caller@127.0.0.1:5998>\r\nContent-Type: application/sdp\r\nContent-Length: 90\r\n\r\nv=0\r\n");
        assertThat(reply).startsWith("SIP/2.0 400");
        String garbled = sip("INVITE sip:+4940990000000@127.0.0.1 SIP/2.0\r\n" + headers("INVITE", "bad2")
                .replace("CSeq: 1 INVITE", "CSeq: one INVITE") + "Content-Length: 0\r\n\r\n");
        assertThat(garbled).startsWith("SIP/2.0 400");
        assertThat(malformed()).as("the stack's 400s are counted").isGreaterThanOrEqualTo(before + 1);
    }

    private static double malformed() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("cc_voice_sip_malformed_total ")).mapToDouble(l -> Double.parseDouble(l.split(" ")[1]))
                .findFirst().orElse(0);
    }

    @Test
    void inviteWithoutUsableSdpIs488AndMethodsWeDoNotServeAre405() throws Exception {
        String body = "v=0\r\no=x 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 5000 RTP/AVP 9\r\n";
        String invite = sip("INVITE sip:+4940990000000@127.0.0.1 SIP/2.0\r\n" + headers("INVITE", "inv")
                + "Contact: <sip:caller@127.0.0.1:5998>\r\nContent-Type: application/sdp\r\nContent-Length: " + body.length()
                + "\r\n\r\n" + body);
        while (invite.startsWith("SIP/2.0 1")) {
            invite = receive();
        }
        assertThat(invite).startsWith("SIP/2.0 488").contains("no common codec");
        socket.close();
        socket = null; // the 488 is sent again until an ACK comes: a new socket does not hear it
        String message = sip("MESSAGE sip:cc-voice@127.0.0.1 SIP/2.0\r\n" + headers("MESSAGE", "msg")
                + "Content-Type: text/plain\r\nContent-Length: 2\r\n\r\nhi");
        assertThat(message).startsWith("SIP/2.0 405").contains("Allow:");
    }

    @Test
    void sessionTimersAreNegotiatedTooShortIntervalsRefusedAndUpdatesRefreshTheCall() throws Exception {
        String body = SipSocket.sdpOffer();
        String shortCall = UUID.randomUUID() + "@127.0.0.1";
        sip(SipSocket.request("INVITE", shortCall, 1, null) + "Supported: timer\r\nSession-Expires: 30\r\nContent-Type: application/sdp\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body, false);
        String tooShort = socket.await(m -> m.startsWith("SIP/2.0 4"));
        assertThat(tooShort).startsWith("SIP/2.0 422").contains("Min-SE: 90");
        socket.close();
        socket = null; // the 422 is sent again until an ACK comes: a new socket does not hear it

        String call = UUID.randomUUID() + "@127.0.0.1";
        sip(SipSocket.request("INVITE", call, 1, null) + "Supported: timer\r\nSession-Expires: 120;refresher=uac\r\n"
                + "Content-Type: application/sdp\r\nContent-Length: " + body.length() + "\r\n\r\n" + body, false);
        String ok = socket.await(m -> m.startsWith("SIP/2.0 200") && m.contains("INVITE"));
        assertThat(ok).contains("Session-Expires: 120;refresher=uac").contains("Require: timer");
        String toTag = SipSocket.toTag(ok);
        sip(SipSocket.request("ACK", call, 1, toTag) + "Content-Length: 0\r\n\r\n", false);
        sip(SipSocket.request("UPDATE", call, 2, toTag) + "Content-Length: 0\r\n\r\n", false);
        String refreshed = socket.await(m -> m.startsWith("SIP/2.0") && m.contains("UPDATE"));
        assertThat(refreshed).startsWith("SIP/2.0 200").contains("Session-Expires: 120;refresher=uac");
        sip(SipSocket.request("BYE", call, 3, toTag) + "Content-Length: 0\r\n\r\n", false);
        socket.close();
        socket = null;
    }

    private SipSocket socket;

    private String sip(String message) throws Exception {
        return sip(message, true);
    }

    /** Sends {@code message} (with {@code @PORT@} as our port); with {@code await}, the first message that comes back. */
    private String sip(String message, boolean await) throws Exception {
        if (socket == null) {
            socket = new SipSocket(sipPort);
        }
        socket.send(message);
        return await ? socket.receive() : null;
    }

    private String receive() throws Exception {
        return socket.receive();
    }

    private static String headers(String method, String tag) {
        return "Via: SIP/2.0/UDP 127.0.0.1:@PORT@;branch=z9hG4bK-" + UUID.randomUUID() + "\r\n"
                + "From: <sip:" + tag + "@127.0.0.1>;tag=" + tag + "\r\n"
                + "To: <sip:" + tag + "@127.0.0.1>\r\n"
                + "Call-ID: " + UUID.randomUUID() + "@127.0.0.1\r\n"
                + "CSeq: 1 " + method + "\r\n"
                + "Max-Forwards: 70\r\n";
    }

    /** A 16 kHz mono WAV of a tone: the prompt store must bring it to 8 kHz. */
    private static byte[] wav16k(double seconds) {
        int n = (int) (16000 * seconds);
        short[] pcm = new short[n];
        for (int i = 0; i < n; i++) {
            pcm[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / 16000.0));
        }
        byte[] wav = Recording.Wav.write(pcm, 1);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(wav).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putInt(24, 16000).putInt(28, 32000);
        return wav;
    }
}
