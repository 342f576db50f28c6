package io.contactcenter.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder a test can cut and restore, to make a real dependency (PostgreSQL) unreachable from a
 * service without stopping it for everyone else. {@link #cut()} closes live connections and refuses new
 * ones; {@link #restore()} accepts again on the same port. Given several targets it spreads connections over
 * them in turn and skips one that refuses, as a Kubernetes Service spreads them over a deployment's replicas.
 */
public final class TcpProxy implements AutoCloseable {

    private final int[] targetPorts;
    private final java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
    private final int port;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;

    public TcpProxy(int... targetPorts) {
        if (targetPorts.length == 0) {
            throw new IllegalArgumentException("a proxy needs a target");
        }
        this.targetPorts = targetPorts.clone();
        try (ServerSocket probe = new ServerSocket(0)) {
            this.port = probe.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        restore();
    }

    public int port() {
        return port;
    }

    public synchronized void restore() {
        if (server != null) {
            return;
        }
        try {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress("127.0.0.1", port));
            server = s;
            daemon("tcp-proxy-" + port, () -> accept(s));
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + port, e);
        }
    }

    public synchronized void cut() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        server = null;
        sockets.forEach(TcpProxy::closeQuietly);
        sockets.clear();
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket client = s.accept();
                Socket upstream = upstream();
                if (upstream == null) {
                    closeQuietly(client);
                    continue;
                }
                sockets.add(client);
                sockets.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                // server closed by cut(), or upstream refused: the client sees a closed connection
            }
        }
    }

    /** A connection to the next target that accepts one, null when none does. */
    private Socket upstream() {
        for (int i = 0; i < targetPorts.length; i++) {
            int target = targetPorts[Math.floorMod(next.getAndIncrement(), targetPorts.length)];
            try {
                return new Socket("127.0.0.1", target);
            } catch (IOException refused) {
                // that replica is down: try the next
            }
        }
        return null;
    }

    private void pump(Socket from, Socket to) {
        daemon("tcp-proxy-pump", () -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException ignored) {
                // connection cut
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        });
    }

    private static void daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        cut();
    }
}
