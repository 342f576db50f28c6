package io.contactcenter.voice.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingTest {

    @TempDir
    Path dir;

    @Test
    void bothSidesLandInTheirChannelAtTheirArrivalTime() throws Exception {
        Recording r = new Recording(dir, 0, 60);
        short[] loud = new short[160];
        java.util.Arrays.fill(loud, (short) 1000);
        short[] other = new short[160];
        java.util.Arrays.fill(other, (short) -700);
        r.add(true, loud, 0);
        r.add(false, other, 1_000_000_000L); // the agent speaks one second later
        assertThat(r.seconds()).isEqualTo(1.02);
        Path wav = dir.resolve("call.wav");
        r.writeWav(wav);
        byte[] bytes = Files.readAllBytes(wav);
        assertThat(bytes.length).isEqualTo(44 + 8160 * 2 * 2);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getShort(44)).as("caller, left, at 0 s").isEqualTo((short) 1000);
        assertThat(b.getShort(46)).as("agent, right, at 0 s").isZero();
        assertThat(b.getShort(44 + 8000 * 4)).as("caller silent at 1 s").isZero();
        assertThat(b.getShort(44 + 8000 * 4 + 2)).as("agent at 1 s").isEqualTo((short) -700);
        assertThat(Recording.Wav.read(bytes)).hasSize(8160);
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("call.wav");
        }
    }

    @Test
    void audioPastTheCapIsNotKept() throws Exception {
        Recording r = new Recording(dir, 0, 1);
        r.add(true, new short[160], 2_000_000_000L);
        assertThat(r.seconds()).isZero();
        r.discard();
    }

    @Test
    void wavReaderRefusesWhatItCannotPlay() {
        assertThatThrownBy(() -> Recording.Wav.read("not a wav file at all".getBytes())).hasMessageContaining("RIFF");
        byte[] wav16k = Recording.Wav.write(new short[100], 1);
        java.nio.ByteBuffer.wrap(wav16k).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(24, 16000);
        assertThatThrownBy(() -> Recording.Wav.read(wav16k)).hasMessageContaining("8000 Hz");
    }
}
