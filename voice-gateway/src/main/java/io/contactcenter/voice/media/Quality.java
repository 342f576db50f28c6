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

    /** A conversation shorter than this says too little about one-way audio (a quick "wrong number" is silent too). */
    public static final double ONE_WAY_MIN_CONNECTED_SECONDS = 10;

    /** Less voice than this from one side of a conversation counts as none. */
    public static final double ONE_WAY_MAX_VOICED_SECONDS = 0.5;

    /**
     * One-way audio: the two sides were connected long enough, packets came from both, yet one of them carried
     * (almost) no voice. Packets that stop altogether are a dead call, caught by the RTP timeout instead.
     */
    public static boolean oneWayAudio(double connectedSeconds, long customerPackets, double customerVoicedSeconds,
            long agentPackets, double agentVoicedSeconds) {
        return connectedSeconds >= ONE_WAY_MIN_CONNECTED_SECONDS && customerPackets > 0 && agentPackets > 0
                && Math.min(customerVoicedSeconds, agentVoicedSeconds) < ONE_WAY_MAX_VOICED_SECONDS;
    }
}
