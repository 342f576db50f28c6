package io.contactcenter.voice.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RecordingTest {

    @Test
    void bothSidesLandInTheirChannelAtTheirArrivalTime() {
        Recording r = new Recording(0, 60);
        short[] loud = new short[160];
        java.util.Arrays.fill(loud, (short) 1000);
        r.add(true, loud, 0);
        r.add(false, loud, 1_000_000_000L); // the agent speaks one second later
        byte[] wav = r.wav();
        assertThat(r.seconds()).isEqualTo(1.02);
        short[] left = Recording.Wav.read(wav); // read takes the first channel
        assertThat(left[0]).isEqualTo((short) 1000);
        assertThat(left[8000]).as("the caller was silent when the agent spoke").isZero();
        assertThat(wav.length).isEqualTo(44 + 8160 * 2 * 2);
    }

    @Test
    void audioPastTheCapIsNotKept() {
        Recording r = new Recording(0, 1);
        r.add(true, new short[160], 2_000_000_000L);
        assertThat(r.seconds()).isZero();
    }

    @Test
    void wavReaderRefusesWhatItCannotPlay() {
        assertThatThrownBy(() -> Recording.Wav.read("not a wav file at all".getBytes())).hasMessageContaining("RIFF");
        byte[] wav16k = Recording.Wav.write(new short[100], 1);
        java.nio.ByteBuffer.wrap(wav16k).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(24, 16000);
        assertThatThrownBy(() -> Recording.Wav.read(wav16k)).hasMessageContaining("8000 Hz");
    }
}
