package io.contactcenter.voice.media;

/** The audio codecs the gateway speaks: G.711 at 8 kHz, 20 ms frames of 160 bytes. */
public enum Codec {
    PCMU(0), PCMA(8);

    public static final int SAMPLE_RATE = 8000;
    public static final int FRAME_SAMPLES = 160;
    public static final int FRAME_MILLIS = 20;

    public final int payloadType;

    Codec(int payloadType) {
        this.payloadType = payloadType;
    }

    public static Codec ofPayloadType(int pt) {
        for (Codec c : values()) {
            if (c.payloadType == pt) {
                return c;
            }
        }
        return null;
    }
}
