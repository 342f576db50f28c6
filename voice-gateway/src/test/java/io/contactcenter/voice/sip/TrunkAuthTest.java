package io.contactcenter.voice.sip;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.voice.SipSocket;
import io.contactcenter.voice.VoiceStack;
import io.contactcenter.voice.phone.Phones;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A trunk that proves itself with digest credentials (RFC 3261 §22.3) rather than its address: loopback is not a trunk
 * address here, so the test's INVITEs are challenged with 407 and taken only with the right answer.
 */
@QuarkusTest
@VoiceStack
@TestProfile(TrunkAuthTest.DigestTrunks.class)
class TrunkAuthTest {

    public static class DigestTrunks implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cc.voice.sip.trunk-sources", "192.0.2.0/24", "cc.voice.sip.trunk-accounts", "carrier-a:trunk-secret-1");
        }
    }

    private static final String URI = "sip:+4940990000000@127.0.0.1";

    @ConfigProperty(name = "cc.voice.sip.port")
    int sipPort;

    @Test
    void anInviteFromAnUnknownAddressIsChallengedAndTakenWithTheTrunksCredentialsOnly() throws Exception {
        try (SipSocket sip = new SipSocket(sipPort)) {
            String call = UUID.randomUUID() + "@127.0.0.1";
            String body = SipSocket.sdpOffer();
            String offer = "Content-Type: application/sdp\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
            sip.send(SipSocket.request("INVITE", call, 1, null) + offer);
            String challenge = sip.await(m -> m.startsWith("SIP/2.0 4"));
            assertThat(challenge).startsWith("SIP/2.0 407").contains("Proxy-Authenticate: Digest").contains("realm=\"contact-center\"")
                    .contains("qop=\"auth\"");
            String nonce = challenge.replaceAll("(?s).*nonce=\"([^\"]+)\".*", "$1");
            sip.send(SipSocket.request("ACK", call, 1, SipSocket.toTag(challenge)) + "Content-Length: 0\r\n\r\n");

            // a wrong password is refused outright
            sip.send(SipSocket.request("INVITE", call, 2, null) + authorization("carrier-a", "not-the-secret", nonce) + offer);
            String refused = sip.await(m -> m.startsWith("SIP/2.0 4") && m.contains("CSeq: 2 INVITE"));
            assertThat(refused).startsWith("SIP/2.0 403");
            sip.send(SipSocket.request("ACK", call, 2, SipSocket.toTag(refused)) + "Content-Length: 0\r\n\r\n");

            // the right answer to the challenge: the call is taken
            String taken = UUID.randomUUID() + "@127.0.0.1";
            sip.send(SipSocket.request("INVITE", taken, 1, null) + authorization("carrier-a", "trunk-secret-1", nonce) + offer);
            String ok = sip.await(m -> m.startsWith("SIP/2.0 2") || m.startsWith("SIP/2.0 4"));
            assertThat(ok).startsWith("SIP/2.0 200");
            sip.send(SipSocket.request("ACK", taken, 1, SipSocket.toTag(ok)) + "Content-Length: 0\r\n\r\n");
            sip.send(SipSocket.request("BYE", taken, 2, SipSocket.toTag(ok)) + "Content-Length: 0\r\n\r\n");
        }
    }

    /** RFC 2617 with qop=auth, as a trunk computes it. */
    private static String authorization(String user, String password, String nonce) {
        String ha1 = Phones.ha1(user, "contact-center", password);
        String ha2 = Phones.md5("INVITE:" + URI);
        String response = Phones.md5(ha1 + ":" + nonce + ":00000001:c0ffee:auth:" + ha2);
        return "Proxy-Authorization: Digest username=\"" + user + "\", realm=\"contact-center\", nonce=\"" + nonce + "\", uri=\"" + URI
                + "\", response=\"" + response + "\", algorithm=MD5, qop=auth, nc=00000001, cnonce=\"c0ffee\"\r\n";
    }
}
