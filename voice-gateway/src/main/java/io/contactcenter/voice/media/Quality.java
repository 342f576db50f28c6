package io.contactcenter.voice.media;

/**
 * A listening-quality estimate from what the gateway measured, by the ITU-T G.107 E-model reduced to what a G.711
 * call has: R = 93.2 − Id (delay) − Ie,eff (loss), MOS from R. The mouth-to-ear delay is estimated as one frame of
 * packetization, a jitter buffer of twice the measured jitter and the network's one-way delay (a parameter; loopback
 * and a LAN are a few ms).
 */
public final class Quality {

    /** G.711's packet-loss robustness with random loss (G.113 Appendix I, with packet loss concealment). */
    private static final double BPL = 25.1;

    private Quality() {
    }

    public static double rFactor(double lossRatio, double jitterMillis, double networkDelayMillis) {
        double d = Codec.FRAME_MILLIS + 2 * jitterMillis + networkDelayMillis;
        double id = 0.024 * d + (d > 177.3 ? 0.11 * (d - 177.3) : 0);
        double ppl = 100 * Math.max(0, Math.min(1, lossRatio));
        double ieEff = (95 - 0) * ppl / (ppl + BPL);
        return Math.max(0, Math.min(100, 93.2 - id - ieEff));
    }

    public static double mos(double r) {
        if (r <= 0) {
            return 1.0;
        }
        if (r >= 100) {
            return 4.5;
        }
        return 1 + 0.035 * r + r * (r - 60) * (100 - r) * 7e-6;
    }
}
