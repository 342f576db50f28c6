package io.contactcenter.voice.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactcenter.voice.media.Codec;
import org.junit.jupiter.api.Test;

class SdpTest {

    private static final String OFFER = "v=0\r\no=caller 1 1 IN IP4 10.0.0.5\r\ns=-\r\nc=IN IP4 10.0.0.5\r\nt=0 0\r\n"
            + "m=audio 40100 RTP/AVP 9 8 0 96\r\na=rtpmap:9 G722/8000\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:0 PCMU/8000\r\n"
            + "a=rtpmap:96 telephone-event/8000\r\na=fmtp:96 0-15\r\n";

    @Test
    void picksTheOfferersFirstCodecWeSpeakAndItsTelephoneEventType() throws Exception {
        Sdp.Media m = Sdp.parse(OFFER);
        assertThat(m.codec()).isEqualTo(Codec.PCMA);
        assertThat(m.eventPayloadType()).isEqualTo(96);
        assertThat(m.address().getPort()).isEqualTo(40100);
        assertThat(m.address().getHostString()).isEqualTo("10.0.0.5");
    }

    @Test
    void refusesOffersWithoutACommonCodecOrAudio() {
        assertThatThrownBy(() -> Sdp.parse(OFFER.replace("9 8 0 96", "9 96"))).hasMessageContaining("no common codec");
        assertThatThrownBy(() -> Sdp.parse(OFFER.replace("m=audio", "m=video"))).hasMessageContaining("no audio");
        assertThatThrownBy(() -> Sdp.parse("")).hasMessageContaining("no SDP");
        assertThatThrownBy(() -> Sdp.parse("garbage\r\n")).isInstanceOf(Sdp.Unacceptable.class);
    }

    @Test
    void ourAnswerParsesAsWhatItSays() throws Exception {
        Sdp.Media m = Sdp.parse(Sdp.answer("127.0.0.1", 30002, Codec.PCMU, 101));
        assertThat(m.codec()).isEqualTo(Codec.PCMU);
        assertThat(m.eventPayloadType()).isEqualTo(101);
        assertThat(m.address().getPort()).isEqualTo(30002);
        assertThat(Sdp.offer("127.0.0.1", 30004)).contains("m=audio 30004 RTP/AVP 0 8 101");
    }

    @Test
    void trunkSourcesMatchAddressesAndBlocks() {
        TrunkPolicy p = new TrunkPolicy(java.util.List.of("127.0.0.0/8", "192.0.2.17", "2001:db8::/32"));
        assertThat(p.allows("127.0.0.1")).isTrue();
        assertThat(p.allows("192.0.2.17")).isTrue();
        assertThat(p.allows("192.0.2.18")).isFalse();
        assertThat(p.allows("2001:db8::5")).isTrue();
        assertThat(p.allows("10.1.1.1")).isFalse();
        assertThatThrownBy(() -> new TrunkPolicy(java.util.List.of("10.0.0.0/33"))).hasMessageContaining("prefix");
    }
}
