package io.contactcenter.voice.media;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One side of a call's media: a UDP port of the gateway and the peer's address. It plays prompts to the peer (one
 * 20 ms frame per tick of the engine, silence when there is nothing to play, so the peer's stream never stops),
 * hears keys (RFC 4733) and audio from it, relays that audio to the leg it is bridged to as it arrives, and keeps
 * statistics of what it received.
 */
public final class Leg {

    /** What a leg tells its call; called on the engine's threads, so it must hand work off and return at once. */
    public interface Listener {
        void onKey(char key);

        void onPlaybackDone(long token);
    }

    private final MediaEngine engine;
    private final DatagramChannel channel;
    private final int port;
    private final long ssrc = ThreadLocalRandom.current().nextLong(1L << 32);
    private final StreamStats received = new StreamStats();
    private final TelephoneEvent dtmf = new TelephoneEvent();
    private final ByteBuffer out = ByteBuffer.allocate(Rtp.HEADER + 1500); // relayed packets may carry 30 ms or more
    private final byte[] silence = new byte[Codec.FRAME_SAMPLES];

    private volatile InetSocketAddress remote;
    private volatile Codec codec = Codec.PCMU;
    private volatile int eventPayloadType = 101;
    private volatile Listener listener;
    private volatile Leg bridged;
    private volatile Recording recording;
    private volatile boolean recordsAsCaller;

    private Clip clip;
    private int position;
    private boolean loop;
    private long playToken;
    private int sequence = ThreadLocalRandom.current().nextInt(1 << 16);
    private long timestamp = ThreadLocalRandom.current().nextLong(1L << 32);
    private boolean startOfSpurt = true;
    private volatile long sentPackets;
    private volatile boolean closed;

    Leg(MediaEngine engine, DatagramChannel channel, int port) {
        this.engine = engine;
        this.channel = channel;
        this.port = port;
        java.util.Arrays.fill(silence, G711.silence(codec));
    }

    public int port() {
        return port;
    }

    public String address() {
        return engine.address();
    }

    /** Where to send, in which codec, and which payload type carries the peer's keys. */
    public void connect(InetSocketAddress peer, Codec codec, int eventPayloadType) {
        this.remote = peer;
        this.codec = codec;
        this.eventPayloadType = eventPayloadType;
        java.util.Arrays.fill(silence, G711.silence(codec));
    }

    public Codec codec() {
        return codec;
    }

    public void listener(Listener l) {
        this.listener = l;
    }

    /** Starts {@code c} (replacing what plays); {@code token} comes back with {@link Listener#onPlaybackDone}. */
    public synchronized void play(Clip c, boolean repeat, long token) {
        clip = c;
        position = 0;
        loop = repeat;
        playToken = token;
        startOfSpurt = true;
    }

    /** Loops {@code c} unless it already loops: music under a wait carries on across the IVR's turns. */
    public synchronized void loop(Clip c, long token) {
        if (clip != c || !loop) {
            play(c, true, token);
        }
    }

    public synchronized void stopPlayback() {
        clip = null;
    }

    public synchronized boolean playing() {
        return clip != null;
    }

    /** Audio from this leg goes to {@code other} and back; null ends the bridge. Playback stops on both. */
    public void bridge(Leg other) {
        stopPlayback();
        this.bridged = other;
        if (other != null) {
            other.stopPlayback();
            other.bridged = this;
        }
    }

    public void unbridge() {
        Leg other = bridged;
        bridged = null;
        if (other != null && other.bridged == this) {
            other.bridged = null;
        }
    }

    public boolean isBridged() {
        return bridged != null;
    }

    /** What this leg receives goes into {@code r} as the caller's (left) or the agent's (right) channel. */
    public void record(Recording r, boolean asCaller) {
        this.recordsAsCaller = asCaller;
        this.recording = r;
    }

    public StreamStats.Snapshot stats() {
        return received.snapshot(System.nanoTime());
    }

    public long sentPackets() {
        return sentPackets;
    }

    /** One tick of the engine's clock: the next frame of the prompt, or silence; nothing while bridged. */
    void tick() {
        InetSocketAddress to = remote;
        if (to == null || closed || bridged != null) {
            return;
        }
        byte[] payload;
        int offset;
        boolean marker;
        long doneToken = -1;
        Listener l = listener;
        synchronized (this) {
            marker = startOfSpurt;
            startOfSpurt = false;
            if (clip == null) {
                payload = silence;
                offset = 0;
            } else {
                byte[] bytes = clip.bytes(codec);
                if (position + Codec.FRAME_SAMPLES <= bytes.length) {
                    payload = bytes;
                    offset = position;
                } else { // the last, partial frame padded with silence
                    payload = silence.clone();
                    System.arraycopy(bytes, position, payload, 0, Math.max(0, bytes.length - position));
                    offset = 0;
                }
                position += Codec.FRAME_SAMPLES;
                if (position >= bytes.length) {
                    if (loop) {
                        position = 0;
                    } else {
                        clip = null;
                        doneToken = playToken;
                    }
                }
            }
            send(to, codec.payloadType, marker, payload, offset, Codec.FRAME_SAMPLES);
        }
        if (doneToken >= 0 && l != null) {
            l.onPlaybackDone(doneToken);
        }
    }

    private void send(InetSocketAddress to, int pt, boolean marker, byte[] payload, int offset, int length) {
        Rtp.write(out, pt, marker, sequence, timestamp, ssrc, payload, offset, length);
        sequence = (sequence + 1) & 0xFFFF;
        timestamp = (timestamp + length) & 0xFFFFFFFFL;
        try {
            channel.send(out, to);
            sentPackets++;
        } catch (IOException e) {
            // an unreachable peer (ICMP) must not stop the other calls' media; the RTP timeout ends a dead call
        }
    }

    /** A datagram arrived (engine's receiver thread). */
    void onDatagram(byte[] packet, int length, InetSocketAddress from, long nowNanos) {
        Rtp rtp = Rtp.parse(packet, length);
        if (rtp == null || closed) {
            return;
        }
        if (remote == null) {
            remote = from; // symmetric RTP: answer where the peer sends from when its SDP said nothing usable
        }
        if (rtp.payloadType() == eventPayloadType) {
            received.onPacket(rtp, nowNanos, null);
            char key = dtmf.onPacket(packet, rtp);
            Listener l = listener;
            if (key != 0 && l != null) {
                l.onKey(key);
            }
            return;
        }
        Codec in = Codec.ofPayloadType(rtp.payloadType());
        if (in == null) {
            received.onPacket(rtp, nowNanos, null);
            return;
        }
        short[] pcm = G711.decode(packet, rtp.payloadOffset(), rtp.payloadLength(), in);
        received.onPacket(rtp, nowNanos, pcm);
        Recording r = recording;
        if (r != null) {
            r.add(recordsAsCaller, pcm, nowNanos);
        }
        Leg other = bridged;
        if (other != null) {
            other.relay(packet, rtp, in, pcm);
        }
    }

    /** Audio from the bridged leg, re-stamped as this leg's own stream (and transcoded if the laws differ). */
    private synchronized void relay(byte[] packet, Rtp rtp, Codec in, short[] pcm) {
        InetSocketAddress to = remote;
        if (to == null || closed) {
            return;
        }
        if (in == codec) {
            send(to, codec.payloadType, rtp.marker(), packet, rtp.payloadOffset(), rtp.payloadLength());
        } else {
            byte[] encoded = G711.encode(pcm, 0, pcm.length, codec);
            send(to, codec.payloadType, rtp.marker(), encoded, 0, encoded.length);
        }
    }

    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        unbridge();
        engine.release(this);
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing a UDP socket fails only if it is closed already
        }
    }

    DatagramChannel channel() {
        return channel;
    }
}
