package io.contactcenter.voice.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class RtpTest {

    @Test
    void writtenHeaderParsesBack() {
        ByteBuffer out = ByteBuffer.allocate(300);
        byte[] payload = new byte[160];
        payload[0] = 42;
        Rtp.write(out, 8, true, 65535, 0xFFFFFFF0L, 0xCAFEBABEL, payload, 0, 160);
        byte[] packet = new byte[out.remaining()];
        out.get(packet);
        Rtp rtp = Rtp.parse(packet, packet.length);
        assertThat(rtp).isEqualTo(new Rtp(8, true, 65535, 0xFFFFFFF0L, 0xCAFEBABEL, 12, 160));
        assertThat(packet[rtp.payloadOffset()]).isEqualTo((byte) 42);
    }

    @Test
    void skipsCsrcsAndExtensionAndDropsPadding() {
        byte[] p = new byte[12 + 4 + 8 + 10 + 2];
        p[0] = (byte) (0x80 | 0x20 | 0x10 | 1); // padding, extension, one CSRC
        p[1] = 0;
        p[12 + 4 + 3] = 1; // extension of one 32-bit word
        p[p.length - 1] = 2; // two bytes of padding
        Rtp rtp = Rtp.parse(p, p.length);
        assertThat(rtp.payloadOffset()).isEqualTo(12 + 4 + 8);
        assertThat(rtp.payloadLength()).isEqualTo(10);
    }

    @Test
    void refusesWhatIsNotRtpVersionTwo() {
        assertThat(Rtp.parse(new byte[11], 11)).isNull();
        byte[] stun = new byte[20];
        stun[0] = 0x00;
        assertThat(Rtp.parse(stun, 20)).isNull();
        byte[] lies = new byte[14];
        lies[0] = (byte) 0x8F; // 15 CSRCs announced, none there
        assertThat(Rtp.parse(lies, 14)).isNull();
    }

    @Test
    void aKeyIsReportedOnceAtItsFirstPacketHoweverManyFollow() {
        TelephoneEvent dtmf = new TelephoneEvent();
        assertThat(dtmf.onPacket(event(5, false), rtp(1000))).isEqualTo('5');
        assertThat(dtmf.onPacket(event(5, false), rtp(1000))).isEqualTo((char) 0);
        assertThat(dtmf.onPacket(event(5, true), rtp(1000))).isEqualTo((char) 0);
        assertThat(dtmf.onPacket(event(5, true), rtp(1000))).isEqualTo((char) 0);
        assertThat(dtmf.onPacket(event(11, false), rtp(2600))).isEqualTo('#');
        assertThat(dtmf.onPacket(event(10, false), rtp(4000))).isEqualTo('*');
        assertThat(dtmf.onPacket(event(5, false), rtp(5600))).as("the same key again is a new press").isEqualTo('5');
    }

    private static byte[] event(int code, boolean end) {
        byte[] p = new byte[16];
        p[0] = (byte) 0x80;
        p[12] = (byte) code;
        p[13] = (byte) (end ? 0x8A : 0x0A);
        return p;
    }

    private static Rtp rtp(long timestamp) {
        return new Rtp(101, false, 1, timestamp, 1, 12, 4);
    }
}
