package io.contactcenter.voice;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Predicate;

/** A raw SIP peer over UDP for the gateway's socket-level tests: what it writes is exactly what goes on the wire. */
public final class SipSocket implements AutoCloseable {

    private final DatagramSocket socket;
    private final int gatewayPort;

    public SipSocket(int gatewayPort) throws Exception {
        this.socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        this.socket.setSoTimeout(5000);
        this.gatewayPort = gatewayPort;
    }

    /** Sends {@code message}, with {@code @PORT@} replaced by this socket's port. */
    public void send(String message) throws Exception {
        byte[] b = message.replace("@PORT@", String.valueOf(socket.getLocalPort())).getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), gatewayPort));
    }

    public String receive() throws Exception {
        byte[] buf = new byte[4096];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        socket.receive(p);
        return new String(buf, 0, p.getLength(), StandardCharsets.UTF_8);
    }

    /** The next message from the gateway that matches, skipping others (provisional answers, retransmissions). */
    public String await(Predicate<String> wanted) throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            String m = receive();
            if (wanted.test(m)) {
                return m;
            }
        }
        throw new AssertionError("no such message from the gateway");
    }

    /** The start of a request of one dialog (no body headers): {@code toTag} null before the dialog exists. */
    public static String request(String method, String callId, int cseq, String toTag) {
        return method + " sip:+4940990000000@127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:@PORT@;branch=z9hG4bK-" + UUID.randomUUID() + "\r\n"
                + "From: <sip:peer@127.0.0.1>;tag=peer\r\n"
                + "To: <sip:+4940990000000@127.0.0.1>" + (toTag == null ? "" : ";tag=" + toTag) + "\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " " + method + "\r\n"
                + "Contact: <sip:peer@127.0.0.1:@PORT@>\r\n"
                + "Max-Forwards: 70\r\n";
    }

    /** A G.711 offer the gateway accepts. */
    public static String sdpOffer() {
        return "v=0\r\no=x 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 5000 RTP/AVP 0\r\n";
    }

    /** The tag the gateway gave its side of the dialog, from a response's To header. */
    public static String toTag(String response) {
        return response.lines().filter(l -> l.startsWith("To:")).findFirst().orElseThrow().replaceAll(".*tag=([^;\\s]+).*", "$1");
    }

    @Override
    public void close() {
        socket.close();
    }
}
