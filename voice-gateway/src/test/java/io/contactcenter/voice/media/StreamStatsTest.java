package io.contactcenter.voice.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StreamStatsTest {

    private static final long FRAME = 20_000_000L;

    @Test
    void perfectlyPacedStreamHasNoLossAndNoJitter() {
        StreamStats s = new StreamStats();
        for (int i = 0; i < 500; i++) {
            s.onPacket(new Rtp(0, false, i, 160L * i, 1, 12, 160), i * FRAME, tone(160, 3000));
        }
        StreamStats.Snapshot snap = s.snapshot(500 * FRAME);
        assertThat(snap.packets()).isEqualTo(500);
        assertThat(snap.lost()).isZero();
        assertThat(snap.jitterMillis()).isLessThan(0.2);
        assertThat(snap.voicedSeconds()).isCloseTo(10.0, within(0.01));
    }

    @Test
    void lossIsCountedFromSequenceGapsAcrossTheWrap() {
        StreamStats s = new StreamStats();
        int seq = 65000;
        int received = 0;
        for (int i = 0; i < 1000; i++) {
            if (i % 20 != 7) { // every 20th packet lost: 5 %
                s.onPacket(new Rtp(0, false, seq & 0xFFFF, 160L * i, 1, 12, 160), i * FRAME, tone(160, 0));
                received++;
            }
            seq++;
        }
        StreamStats.Snapshot snap = s.snapshot(1000 * FRAME);
        assertThat(snap.packets()).isEqualTo(received);
        assertThat(snap.lost()).isEqualTo(50);
        assertThat(snap.lossRatio()).isCloseTo(0.05, within(0.001));
        assertThat(snap.voicedSeconds()).as("digital silence is not voice").isZero();
    }

    @Test
    void jitterFollowsRfc3550ForAlternatingArrivalDelays() {
        StreamStats s = new StreamStats();
        for (int i = 0; i < 2000; i++) {
            long late = (i % 2 == 0) ? 0 : 8_000_000L; // every other packet 8 ms late: |D| = 8 ms each step
            s.onPacket(new Rtp(0, false, i, 160L * i, 1, 12, 160), i * FRAME + late, tone(160, 3000));
        }
        // J converges to the mean |D| = 8 ms
        assertThat(s.snapshot(2000 * FRAME).jitterMillis()).isCloseTo(8.0, within(0.3));
    }

    @Test
    void restartedStreamsAndTelephoneEventsAreNotJitter() {
        StreamStats s = new StreamStats();
        long at = 0;
        for (int spurt = 0; spurt < 5; spurt++) {
            // a sender replaying the same recording each time (sipp's pcaps): sequence and timestamps start over
            for (int i = 0; i < 100; i++) {
                s.onPacket(new Rtp(0, i == 0 && spurt % 2 == 0, 1000 + i, 5000 + 160L * i, 1, 12, 160), at + i * FRAME, tone(160, 3000));
            }
            at += 100 * FRAME;
            // then a key: RFC 4733 packets share the event's start timestamp for its whole length
            for (int i = 0; i < 10; i++) {
                s.onPacket(new Rtp(101, i == 0, 1100 + i, 90_000, 1, 12, 4), at + i * FRAME, null);
            }
            at += 7_000_000_000L; // seven seconds of nothing before the next spurt
        }
        assertThat(s.snapshot(at).jitterMillis()).isLessThan(0.5);
    }

    @Test
    void mosFallsWithLossAndJitter() {
        double clean = Quality.mos(Quality.rFactor(0, 0, 0));
        double lossy = Quality.mos(Quality.rFactor(0.05, 0, 0));
        double jittery = Quality.mos(Quality.rFactor(0, 60, 0));
        assertThat(clean).isBetween(4.3, 4.5);
        // G.711 with concealment (Bpl 25.1): 5 % random loss costs about 16 R points, half a MOS point
        assertThat(Quality.rFactor(0.05, 0, 0)).isCloseTo(76.9, within(0.2));
        assertThat(lossy).isLessThan(clean - 0.45);
        assertThat(jittery).isLessThan(clean);
        assertThat(Quality.mos(Quality.rFactor(1, 500, 300))).isEqualTo(1.0);
    }

    @Test
    void oneWayAudioIsASilentSideOfAConversationWhosePacketsStillFlow() {
        assertThat(Quality.oneWayAudio(30, 1500, 0.2, 1500, 12)).as("customer sent silence for 30 s").isTrue();
        assertThat(Quality.oneWayAudio(30, 1500, 9, 1500, 0)).as("agent's phone sent silence").isTrue();
        assertThat(Quality.oneWayAudio(30, 1500, 9, 1500, 12)).as("both talked").isFalse();
        assertThat(Quality.oneWayAudio(5, 250, 0, 250, 3)).as("too short to tell").isFalse();
        assertThat(Quality.oneWayAudio(30, 0, 0, 1500, 12)).as("no packets at all is a dead call, not one-way audio").isFalse();
    }

    private static short[] tone(int n, int amplitude) {
        short[] pcm = new short[n];
        for (int i = 0; i < n; i++) {
            pcm[i] = (short) (amplitude * Math.sin(2 * Math.PI * 400 * i / 8000.0));
        }
        return pcm;
    }
}
