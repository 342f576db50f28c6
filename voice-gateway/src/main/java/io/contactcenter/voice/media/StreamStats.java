package io.contactcenter.voice.media;

/**
 * What one leg's incoming audio was like: packets, loss (RFC 3550 A.3, from extended sequence numbers), interarrival
 * jitter (A.8, in timestamp units, shown in ms) and how much of it was voice rather than silence. Fed by one thread
 * (the media engine's receiver), read by others once the call ends or for metrics.
 */
public final class StreamStats {

    /** Frames whose mean absolute amplitude is below this count as silence (about -50 dBov). */
    static final int SILENCE_LEVEL = 100;

    private long packets;
    private long audioFrames;
    private long voicedFrames;
    private int baseSeq = -1;
    private int maxSeq;
    private long cycles;
    private double jitter;
    private long lastTransit = Long.MIN_VALUE;
    private int lastSeq;
    private long lastArrivalNanos;
    private long firstArrivalNanos;
    private long lastVoiceNanos;

    /** A packet arrived at {@code nowNanos}; {@code pcm} is its decoded audio (null for a telephone-event). */
    public synchronized void onPacket(Rtp rtp, long nowNanos, short[] pcm) {
        packets++;
        if (baseSeq < 0) {
            baseSeq = rtp.sequence();
            maxSeq = rtp.sequence();
            firstArrivalNanos = nowNanos;
        } else {
            int delta = (rtp.sequence() - maxSeq) & 0xFFFF;
            if (delta > 0 && delta < 3000) {
                if (rtp.sequence() < maxSeq) {
                    cycles += 1 << 16;
                }
                maxSeq = rtp.sequence();
            }
        }
        lastArrivalNanos = nowNanos;
        // transit in timestamp units (8 kHz): arrival clock minus media clock; jitter is its smoothed variation. Only
        // between audio packets of one talk spurt: a telephone event keeps one timestamp for its whole length, and a
        // new spurt (marker bit, a jump in sequence, a sender that restarted its stream) says nothing of the network.
        long arrival = nowNanos / 125_000L;
        long transit = arrival - rtp.timestamp();
        int step = (rtp.sequence() - lastSeq) & 0xFFFF;
        if (pcm != null && !rtp.marker() && lastTransit != Long.MIN_VALUE && step >= 1 && step <= 100) {
            long d = Math.abs(transit - lastTransit);
            if (d < 4000) { // half a second of variation is a new stream, not a late packet
                jitter += (d - jitter) / 16.0;
            }
        }
        lastTransit = pcm != null ? transit : Long.MIN_VALUE;
        lastSeq = rtp.sequence();
        if (pcm != null) {
            audioFrames++;
            long sum = 0;
            for (short s : pcm) {
                sum += Math.abs(s);
            }
            if (pcm.length > 0 && sum / pcm.length >= SILENCE_LEVEL) {
                voicedFrames++;
                lastVoiceNanos = nowNanos;
            }
        }
    }

    public synchronized Snapshot snapshot(long nowNanos) {
        long expected = baseSeq < 0 ? 0 : cycles + maxSeq - baseSeq + 1;
        long lost = Math.max(0, expected - packets);
        return new Snapshot(packets, lost, expected == 0 ? 0 : (double) lost / expected, jitter / 8.0, audioFrames, voicedFrames,
                packets == 0 ? -1 : (nowNanos - lastArrivalNanos) / 1_000_000L,
                voicedFrames == 0 ? -1 : (nowNanos - lastVoiceNanos) / 1_000_000L,
                packets == 0 ? 0 : (lastArrivalNanos - firstArrivalNanos) / 1_000_000L);
    }

    /**
     * One leg's figures. {@code jitterMillis}: RFC 3550 interarrival jitter; {@code sinceLastPacketMillis} and
     * {@code sinceVoiceMillis} -1 when nothing (or no voice) ever came.
     */
    public record Snapshot(long packets, long lost, double lossRatio, double jitterMillis, long audioFrames, long voicedFrames,
            long sinceLastPacketMillis, long sinceVoiceMillis, long spanMillis) {

        /** Seconds of voice (non-silent 20 ms frames) received. */
        public double voicedSeconds() {
            return voicedFrames * Codec.FRAME_MILLIS / 1000.0;
        }
    }
}
