package io.contactcenter.voice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.contactcenter.devstack.Tokens;
import io.contactcenter.voice.media.Recording;
import io.quarkus.test.junit.QuarkusTest;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
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
    void malformedSipIsABadRequest() throws Exception {
        String reply = sip("INVITE sip:+4940990000000@127.0.0.1 SIP/2.0\r\n" + headers("INVITE", "bad")
                + "Contact: <sip:caller@127.0.0.1:5998>\r\nContent-Type: application/sdp\r\nContent-Length: 90\r\n\r\nv=0\r\n");
        assertThat(reply).startsWith("SIP/2.0 400");
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

    private DatagramSocket socket;

    private String sip(String message) throws Exception {
        if (socket == null) {
            socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
            socket.setSoTimeout(5000);
        }
        String m = message.replace("@PORT@", String.valueOf(socket.getLocalPort()));
        byte[] b = m.getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), sipPort));
        return receive();
    }

    private String receive() throws Exception {
        byte[] buf = new byte[4096];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        socket.receive(p);
        return new String(buf, 0, p.getLength(), StandardCharsets.UTF_8);
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
