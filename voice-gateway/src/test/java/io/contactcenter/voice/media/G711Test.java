package io.contactcenter.voice.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class G711Test {

    @Test
    void silenceEncodesToEachLawsIdleByte() {
        assertThat(G711.linearToUlaw(0)).isEqualTo((byte) 0xFF);
        assertThat(G711.linearToAlaw(0)).isEqualTo((byte) 0xD5);
        assertThat(G711.ulawToLinear(G711.silence(Codec.PCMU))).isZero();
        assertThat(Math.abs(G711.alawToLinear(G711.silence(Codec.PCMA)))).isLessThanOrEqualTo(8);
    }

    @Test
    void everyLinearSampleSurvivesBothLawsWithinTheirQuantisationStep() {
        for (int s = -32768; s <= 32767; s += 7) {
            int u = G711.ulawToLinear(G711.linearToUlaw(s));
            int a = G711.alawToLinear(G711.linearToAlaw(s));
            // both laws keep about 4 bits of mantissa: the error grows with the magnitude, ~3 % at most
            double allowed = Math.max(16, Math.abs(s) * 0.035);
            assertThat((double) Math.abs(u - s)).as("μ-law %d -> %d", s, u).isLessThanOrEqualTo(allowed);
            assertThat((double) Math.abs(a - s)).as("A-law %d -> %d", s, a).isLessThanOrEqualTo(allowed);
        }
    }

    @Test
    void everyCodeDecodesAndEncodesBackToItself() {
        for (int b = 0; b < 256; b++) {
            byte code = (byte) b;
            if (b == 0x7F) {
                continue; // μ-law's negative zero encodes back as positive zero
            }
            assertThat(G711.linearToUlaw(G711.ulawToLinear(code))).as("μ-law code %02x", b).isEqualTo(code);
            assertThat(G711.linearToAlaw(G711.alawToLinear(code))).as("A-law code %02x", b).isEqualTo(code);
        }
    }
}
