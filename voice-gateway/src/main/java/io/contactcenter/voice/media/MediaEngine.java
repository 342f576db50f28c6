package io.contactcenter.voice.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Iterator;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import org.jboss.logging.Logger;

/**
 * The gateway's RTP: every leg's UDP socket on one selector thread (receive, relay, keys, statistics) and one clock
 * thread that sends each playing leg its next 20 ms frame. Two threads serve every call, so 200 calls cost no more
 * threads than one, and a relayed packet leaves as soon as it arrives (no added jitter from the clock).
 */
public final class MediaEngine implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MediaEngine.class);

    private final String address;
    private final int portMin;
    private final int portMax;
    private final Selector selector;
    private final Set<Leg> legs = ConcurrentHashMap.newKeySet();
    private final Queue<Leg> toRegister = new ConcurrentLinkedQueue<>();
    private final Thread receiver;
    private final Thread clock;
    private int nextPort;
    private volatile boolean running = true;

    public MediaEngine(String address, int portMin, int portMax) {
        if (portMin <= 0 || portMax < portMin || portMax > 65535) {
            throw new IllegalArgumentException("RTP port range " + portMin + "-" + portMax + " is not a range of UDP ports");
        }
        this.address = address;
        this.portMin = portMin + (portMin & 1);
        this.portMax = portMax;
        this.nextPort = this.portMin;
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        receiver = new Thread(this::receive, "rtp-receiver");
        clock = new Thread(this::clock, "rtp-clock");
        receiver.setDaemon(true);
        clock.setDaemon(true);
        clock.setPriority(Thread.MAX_PRIORITY);
        receiver.start();
        clock.start();
    }

    public String address() {
        return address;
    }

    public int activeLegs() {
        return legs.size();
    }

    /** A new leg on a free even port of the range (RTCP's odd port beside it stays unused). */
    public synchronized Leg open() {
        int span = (portMax - portMin) / 2 + 1;
        for (int i = 0; i < span; i++) {
            int port = nextPort;
            nextPort = nextPort + 2 > portMax ? portMin : nextPort + 2;
            DatagramChannel ch = null;
            try {
                ch = DatagramChannel.open();
                ch.bind(new InetSocketAddress(address, port));
                ch.configureBlocking(false);
                Leg leg = new Leg(this, ch, port);
                legs.add(leg);
                toRegister.add(leg);
                selector.wakeup();
                return leg;
            } catch (IOException taken) {
                if (ch != null) {
                    try {
                        ch.close();
                    } catch (IOException ignored) {
                        // nothing was bound
                    }
                }
            }
        }
        throw new IllegalStateException("no free RTP port in " + portMin + "-" + portMax);
    }

    void release(Leg leg) {
        legs.remove(leg);
    }

    private void receive() {
        ByteBuffer buf = ByteBuffer.allocate(2048);
        while (running) {
            try {
                for (Leg leg; (leg = toRegister.poll()) != null; ) {
                    if (leg.channel().isOpen()) {
                        leg.channel().register(selector, SelectionKey.OP_READ, leg);
                    }
                }
                selector.select(200);
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    Leg leg = (Leg) key.attachment();
                    if (!key.isValid()) {
                        continue;
                    }
                    for (int n = 0; n < 16; n++) { // drain a few datagrams per wake-up, fairly across legs
                        buf.clear();
                        SocketAddress from;
                        try {
                            from = leg.channel().receive(buf);
                        } catch (IOException closed) {
                            key.cancel();
                            break;
                        }
                        if (from == null) {
                            break;
                        }
                        leg.onDatagram(buf.array(), buf.position(), (InetSocketAddress) from, System.nanoTime());
                    }
                }
            } catch (IOException | RuntimeException e) {
                if (running) {
                    LOG.warn("RTP receive loop error (continuing)", e);
                }
            }
        }
    }

    /** Ticks every 20 ms against an absolute schedule, so a late tick does not shift the ones after it. */
    private void clock() {
        long period = Codec.FRAME_MILLIS * 1_000_000L;
        long next = System.nanoTime();
        while (running) {
            next += period;
            for (Leg leg : legs) {
                try {
                    leg.tick();
                } catch (RuntimeException e) {
                    LOG.warn("RTP send error on port " + leg.port(), e);
                }
            }
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else if (wait < -10 * period) {
                next = System.nanoTime(); // far behind (a stalled machine): catch up by skipping, not by bursting
            }
        }
    }

    @Override
    public void close() {
        running = false;
        for (Leg leg : legs) {
            leg.close();
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // closing at shutdown
        }
    }
}
