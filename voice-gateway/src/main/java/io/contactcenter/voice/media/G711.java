package io.contactcenter.voice.media;

/**
 * ITU-T G.711 μ-law (PCMU, payload type 0) and A-law (PCMA, 8) for 16-bit linear samples. Small enough to own: the
 * two companding laws are a few table-free lines each, and the gateway needs them to mix, transcode and measure audio.
 */
public final class G711 {

    private static final int BIAS = 0x84;
    private static final int CLIP = 32635;

    private G711() {
    }

    public static byte linearToUlaw(int sample) {
        int sign = (sample >> 8) & 0x80;
        if (sign != 0) {
            sample = -sample;
        }
        if (sample > CLIP) {
            sample = CLIP;
        }
        sample += BIAS;
        int exponent = 7;
        for (int mask = 0x4000; (sample & mask) == 0 && exponent > 0; mask >>= 1) {
            exponent--;
        }
        int mantissa = (sample >> (exponent + 3)) & 0x0F;
        return (byte) ~(sign | (exponent << 4) | mantissa);
    }

    public static short ulawToLinear(byte encoded) {
        int u = ~encoded & 0xFF;
        int t = ((u & 0x0F) << 3) + BIAS;
        t <<= (u & 0x70) >> 4;
        return (short) ((u & 0x80) != 0 ? BIAS - t : t - BIAS);
    }

    public static byte linearToAlaw(int sample) {
        int sign = (~sample >> 8) & 0x80;
        if (sign == 0) {
            sample = -sample;
        }
        if (sample > 32767) {
            sample = 32767;
        }
        int encoded;
        if (sample >= 256) {
            int exponent = 7;
            for (int mask = 0x4000; (sample & mask) == 0 && exponent > 1; mask >>= 1) {
                exponent--;
            }
            int mantissa = (sample >> (exponent + 3)) & 0x0F;
            encoded = (exponent << 4) | mantissa;
        } else {
            encoded = sample >> 4;
        }
        return (byte) ((encoded | sign) ^ 0x55);
    }

    public static short alawToLinear(byte encoded) {
        int a = (encoded & 0xFF) ^ 0x55;
        int t = (a & 0x0F) << 4;
        int seg = (a & 0x70) >> 4;
        if (seg == 0) {
            t += 8;
        } else {
            t += 0x108;
            t <<= seg - 1;
        }
        return (short) ((a & 0x80) != 0 ? t : -t);
    }

    /** Linear samples to one codec's bytes. */
    public static byte[] encode(short[] pcm, int from, int length, Codec codec) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = codec == Codec.PCMA ? linearToAlaw(pcm[from + i]) : linearToUlaw(pcm[from + i]);
        }
        return out;
    }

    public static short[] decode(byte[] payload, int offset, int length, Codec codec) {
        short[] out = new short[length];
        for (int i = 0; i < length; i++) {
            out[i] = codec == Codec.PCMA ? alawToLinear(payload[offset + i]) : ulawToLinear(payload[offset + i]);
        }
        return out;
    }

    /** The codec's byte for digital silence (what an idle leg sends). */
    public static byte silence(Codec codec) {
        return codec == Codec.PCMA ? (byte) 0xD5 : (byte) 0xFF;
    }
}
