package io.contactcenter.voice.media;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Both sides of a call as a stereo 16-bit WAV, caller on the left and agent on the right. Each received frame is
 * placed by its arrival time since the recording started, so the two channels stay aligned when one side pauses or
 * loses packets. Capped at {@code maxSeconds}: what comes later is not kept.
 */
public final class Recording {

    private final long startNanos;
    private final int maxSamples;
    private short[] left = new short[Codec.SAMPLE_RATE * 4];
    private short[] right = new short[Codec.SAMPLE_RATE * 4];
    private int length;

    public Recording(long startNanos, int maxSeconds) {
        this.startNanos = startNanos;
        this.maxSamples = maxSeconds * Codec.SAMPLE_RATE;
    }

    public synchronized void add(boolean caller, short[] pcm, long arrivalNanos) {
        long at = (arrivalNanos - startNanos) * Codec.SAMPLE_RATE / 1_000_000_000L;
        if (at < 0 || at + pcm.length > maxSamples) {
            return;
        }
        int end = (int) at + pcm.length;
        if (end > left.length) {
            int size = Math.min(maxSamples, Math.max(end, left.length * 2));
            left = Arrays.copyOf(left, size);
            right = Arrays.copyOf(right, size);
        }
        System.arraycopy(pcm, 0, caller ? left : right, (int) at, pcm.length);
        length = Math.max(length, end);
    }

    public synchronized double seconds() {
        return (double) length / Codec.SAMPLE_RATE;
    }

    public synchronized byte[] wav() {
        return Wav.write(interleave(), 2);
    }

    private short[] interleave() {
        short[] out = new short[length * 2];
        for (int i = 0; i < length; i++) {
            out[2 * i] = left[i];
            out[2 * i + 1] = right[i];
        }
        return out;
    }

    /** RIFF WAVE, 16-bit PCM at 8 kHz. */
    public static final class Wav {

        private Wav() {
        }

        public static byte[] write(short[] samples, int channels) {
            ByteBuffer b = ByteBuffer.allocate(44 + samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
            b.put("RIFF".getBytes()).putInt(36 + samples.length * 2).put("WAVE".getBytes());
            b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) channels).putInt(Codec.SAMPLE_RATE)
                    .putInt(Codec.SAMPLE_RATE * 2 * channels).putShort((short) (2 * channels)).putShort((short) 16);
            b.put("data".getBytes()).putInt(samples.length * 2);
            for (short s : samples) {
                b.putShort(s);
            }
            return b.array();
        }

        /**
         * The samples of a 16-bit PCM WAV (mono, or the first channel), or μ/A-law WAV; refuses anything else with a
         * reason. The caller resamples to 8 kHz beforehand (the prompt store runs sox).
         */
        public static short[] read(byte[] wav) {
            ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
            if (wav.length < 12 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) {
                throw new IllegalArgumentException("not a RIFF/WAVE file");
            }
            int pos = 12;
            int format = -1;
            int channels = 1;
            int bits = 16;
            int rate = 0;
            while (pos + 8 <= wav.length) {
                int id = b.getInt(pos);
                int size = b.getInt(pos + 4);
                if (size < 0 || pos + 8L + size > wav.length) {
                    size = wav.length - pos - 8;
                }
                if (id == 0x20746d66) { // "fmt "
                    format = b.getShort(pos + 8) & 0xFFFF;
                    channels = b.getShort(pos + 10);
                    rate = b.getInt(pos + 12);
                    bits = b.getShort(pos + 22);
                } else if (id == 0x61746164) { // "data"
                    if (rate != Codec.SAMPLE_RATE || channels < 1) {
                        throw new IllegalArgumentException("audio must be 8000 Hz (got " + rate + " Hz, " + channels + " channels)");
                    }
                    return samples(wav, pos + 8, size, format, channels, bits);
                }
                pos += 8 + size + (size & 1);
            }
            throw new IllegalArgumentException("no fmt and data chunks");
        }

        private static short[] samples(byte[] wav, int offset, int size, int format, int channels, int bits) {
            if (format == 1 && bits == 16) {
                int n = size / 2 / channels;
                short[] out = new short[n];
                ByteBuffer b = ByteBuffer.wrap(wav, offset, size).order(ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i < n; i++) {
                    out[i] = b.getShort(offset + i * 2 * channels);
                }
                return out;
            }
            if ((format == 6 || format == 7) && bits == 8) {
                int n = size / channels;
                short[] out = new short[n];
                for (int i = 0; i < n; i++) {
                    byte v = wav[offset + i * channels];
                    out[i] = format == 7 ? G711.ulawToLinear(v) : G711.alawToLinear(v);
                }
                return out;
            }
            throw new IllegalArgumentException("WAV format " + format + " with " + bits + " bits is not supported: use 16-bit PCM,"
                    + " μ-law or A-law");
        }
    }
}
