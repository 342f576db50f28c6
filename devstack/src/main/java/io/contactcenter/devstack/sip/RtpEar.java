package io.contactcenter.devstack.sip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;

/**
 * The caller's ear in tests: a UDP port named as the media port in a SIP peer's SDP, so everything the gateway sends
 * to the caller arrives here. Each G.711 frame is kept with its arrival time, loudness and zero crossings (a pure
 * tone's frequency is half its crossings per second), to tell speech, music and an agent's test tone apart.
 */
public final class RtpEar implements AutoCloseable {

    /** One received frame. */
    public record Frame(long atNanos, int payloadType, int sequence, long timestamp, double level, int crossings) {

        public boolean voiced() {
            return level >= 100;
        }

        /** The frame's dominant frequency, if it is a tone (Hz). */
        public double hz() {
            return crossings * 50 / 2.0;
        }
    }

    private final DatagramSocket socket;
    private final List<Frame> frames = new ArrayList<>();
    private final Thread reader;

    public RtpEar() {
        try {
            socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
        reader = new Thread(this::read, "rtp-ear-" + socket.getLocalPort());
        reader.setDaemon(true);
        reader.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    private void read() {
        byte[] buf = new byte[2048];
        while (!socket.isClosed()) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
            } catch (IOException closed) {
                return;
            }
            long now = System.nanoTime();
            if (p.getLength() < 12) {
                continue;
            }
            int pt = buf[1] & 0x7F;
            int seq = ((buf[2] & 0xFF) << 8) | (buf[3] & 0xFF);
            long ts = ((long) (buf[4] & 0xFF) << 24) | ((buf[5] & 0xFF) << 16) | ((buf[6] & 0xFF) << 8) | (buf[7] & 0xFF);
            double level = 0;
            int crossings = 0;
            if (pt == 0 || pt == 8) {
                int n = p.getLength() - 12;
                long sum = 0;
                int prev = 0;
                for (int i = 0; i < n; i++) {
                    int s = pt == 8 ? alaw(buf[12 + i]) : ulaw(buf[12 + i]);
                    sum += Math.abs(s);
                    if (i > 0 && (prev < 0) != (s < 0)) {
                        crossings++;
                    }
                    prev = s;
                }
                level = n == 0 ? 0 : (double) sum / n;
            }
            synchronized (frames) {
                frames.add(new Frame(now, pt, seq, ts, level, crossings));
            }
        }
    }

    public List<Frame> frames() {
        synchronized (frames) {
            return new ArrayList<>(frames);
        }
    }

    /** Seconds of voiced frames whose dominant frequency lies in [lowHz, highHz], from {@code fromNanos} on. */
    public double toneSeconds(double lowHz, double highHz, long fromNanos) {
        return frames().stream().filter(f -> f.atNanos() >= fromNanos && f.voiced() && f.hz() >= lowHz && f.hz() <= highHz).count()
                * 0.02;
    }

    /**
     * The first stretch of sound: from the first voiced frame to the last voiced frame before a silence of at least
     * {@code gapMillis} (a prompt's own pauses between words are shorter); seconds, 0 when nothing was voiced.
     */
    public double firstSoundSeconds(long gapMillis) {
        List<Frame> all = frames();
        long start = -1;
        long last = -1;
        for (Frame f : all) {
            if (!f.voiced()) {
                if (start >= 0 && (f.atNanos() - last) / 1_000_000 >= gapMillis) {
                    break;
                }
                continue;
            }
            if (start < 0) {
                start = f.atNanos();
            }
            last = f.atNanos();
        }
        return start < 0 ? 0 : (last - start) / 1e9 + 0.02;
    }

    @Override
    public void close() {
        socket.close();
    }

    private static int ulaw(byte b) {
        int u = ~b & 0xFF;
        int t = ((u & 0x0F) << 3) + 0x84;
        t <<= (u & 0x70) >> 4;
        return (u & 0x80) != 0 ? 0x84 - t : t - 0x84;
    }

    private static int alaw(byte b) {
        int a = (b & 0xFF) ^ 0x55;
        int t = (a & 0x0F) << 4;
        int seg = (a & 0x70) >> 4;
        t = seg == 0 ? t + 8 : (t + 0x108) << (seg - 1);
        return (a & 0x80) != 0 ? t : -t;
    }
}
