package io.contactcenter.voice.media;

/** A prompt ready to send: 8 kHz mono, kept encoded in both G.711 laws so a call never transcodes a prompt. */
public final class Clip {

    private final byte[] ulaw;
    private final byte[] alaw;

    public Clip(short[] pcm) {
        this.ulaw = G711.encode(pcm, 0, pcm.length, Codec.PCMU);
        this.alaw = G711.encode(pcm, 0, pcm.length, Codec.PCMA);
    }

    public byte[] bytes(Codec codec) {
        return codec == Codec.PCMA ? alaw : ulaw;
    }

    /** The audio as 16-bit samples again (a prompt served to a cloud voice provider). */
    public short[] pcm() {
        return G711.decode(ulaw, 0, ulaw.length, Codec.PCMU);
    }

    public int samples() {
        return ulaw.length;
    }

    public long millis() {
        return samples() * 1000L / Codec.SAMPLE_RATE;
    }
}
