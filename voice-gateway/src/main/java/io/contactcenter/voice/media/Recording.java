package io.contactcenter.voice.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Both sides of a call as a stereo 16-bit WAV, caller on the left and agent on the right. Each received frame is
 * placed by its arrival time since the recording started, so the two channels stay aligned when one side pauses or
 * loses packets. The channels are written to two files as the call goes (a long call costs no memory), and joined
 * into the WAV when it ends. Capped at {@code maxSeconds}: what comes later is not kept.
 */
public final class Recording implements AutoCloseable {

    private final long startNanos;
    private final int maxSamples;
    private final Path leftFile;
    private final Path rightFile;
    private final FileChannel left;
    private final FileChannel right;
    private final ByteBuffer frame = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
    private long length;
    private boolean closed;

    public Recording(Path dir, long startNanos, int maxSeconds) throws IOException {
        Files.createDirectories(dir);
        this.startNanos = startNanos;
        this.maxSamples = maxSeconds * Codec.SAMPLE_RATE;
        this.leftFile = Files.createTempFile(dir, "rec-", ".left");
        this.rightFile = Files.createTempFile(dir, "rec-", ".right");
        this.left = FileChannel.open(leftFile, StandardOpenOption.WRITE, StandardOpenOption.READ);
        this.right = FileChannel.open(rightFile, StandardOpenOption.WRITE, StandardOpenOption.READ);
    }

    public synchronized void add(boolean caller, short[] pcm, long arrivalNanos) {
        long at = (arrivalNanos - startNanos) * Codec.SAMPLE_RATE / 1_000_000_000L;
        if (closed || at < 0 || at + pcm.length > maxSamples || pcm.length * 2 > frame.capacity()) {
            return;
        }
        frame.clear();
        for (short s : pcm) {
            frame.putShort(s);
        }
        frame.flip();
        try {
            (caller ? left : right).write(frame, at * 2);
        } catch (IOException e) {
            return; // a full disk loses the recording's end, never the call
        }
        length = Math.max(length, at + pcm.length);
    }

    public synchronized double seconds() {
        return (double) length / Codec.SAMPLE_RATE;
    }

    /** Joins the channels into {@code out} (a stereo WAV) and removes the channel files. */
    public synchronized void writeWav(Path out) throws IOException {
        close();
        try (FileChannel l = FileChannel.open(leftFile); FileChannel r = FileChannel.open(rightFile);
                var w = new java.io.BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            w.write(Wav.header(length * 4, 2)); // two channels of 16-bit samples
            ByteBuffer lb = ByteBuffer.allocate(8192).order(ByteOrder.LITTLE_ENDIAN);
            ByteBuffer rb = ByteBuffer.allocate(8192).order(ByteOrder.LITTLE_ENDIAN);
            byte[] pair = new byte[4];
            for (long done = 0; done < length; ) {
                int n = (int) Math.min(4096, length - done);
                lb.clear().limit(n * 2);
                rb.clear().limit(n * 2);
                l.read(lb, done * 2);
                r.read(rb, done * 2);
                for (int i = 0; i < n; i++) {
                    // a channel file is shorter where that side never spoke: the missing samples are silence
                    short ls = i * 2 + 1 < lb.position() ? lb.getShort(i * 2) : 0;
                    short rs = i * 2 + 1 < rb.position() ? rb.getShort(i * 2) : 0;
                    pair[0] = (byte) ls;
                    pair[1] = (byte) (ls >> 8);
                    pair[2] = (byte) rs;
                    pair[3] = (byte) (rs >> 8);
                    w.write(pair);
                }
                done += n;
            }
        } finally {
            discard();
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            left.close();
            right.close();
        } catch (IOException ignored) {
            // closing files we only wrote
        }
    }

    /** Drops the recording (consent withdrawn, nothing to keep). */
    public synchronized void discard() {
        close();
        try {
            Files.deleteIfExists(leftFile);
            Files.deleteIfExists(rightFile);
        } catch (IOException ignored) {
            // temp files: the OS cleans the directory eventually
        }
    }

    /** RIFF WAVE, 16-bit PCM at 8 kHz. */
    public static final class Wav {

        private Wav() {
        }

        /** The 44-byte header of a 16-bit PCM WAV at 8 kHz holding {@code dataBytes} of samples. */
        static byte[] header(long dataBytes, int channels) {
            ByteBuffer b = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
            b.put("RIFF".getBytes()).putInt((int) (36 + dataBytes)).put("WAVE".getBytes());
            b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) channels).putInt(Codec.SAMPLE_RATE)
                    .putInt(Codec.SAMPLE_RATE * 2 * channels).putShort((short) (2 * channels)).putShort((short) 16);
            b.put("data".getBytes()).putInt((int) dataBytes);
            return b.array();
        }

        public static byte[] write(short[] samples, int channels) {
            ByteBuffer b = ByteBuffer.allocate(44 + samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
            b.put(header(samples.length * 2L, channels));
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
