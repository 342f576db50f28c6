package io.contactcenter.devstack.sip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * sipp (Debian's sip-tester) as a caller: a scenario written for the test (INVITE with our ear as the media port,
 * then pauses, keys and audio played from sipp's own pcaps, then BYE), run as a process against the gateway.
 */
public final class Sipp {

    private static final String PCAPS = "/usr/share/sip-tester/";

    private final List<String> steps = new ArrayList<>();
    private final String caller;
    private boolean hangUp = true;
    /** CSeq of the next request inside the dialog (the INVITE and its ACK are 1). */
    private int nextCseq = 2;

    private Sipp(String caller) {
        this.caller = caller;
    }

    public static Sipp caller(String number) {
        return new Sipp(number);
    }

    public Sipp pause(long millis) {
        steps.add("  <pause milliseconds=\"" + millis + "\"/>");
        return this;
    }

    /** Keys as RFC 4733 events from sipp's pcaps (each about half a second with the pause after it). */
    public Sipp keys(String keys) {
        for (char k : keys.toCharArray()) {
            String name = k == '#' ? "pound" : k == '*' ? "star" : String.valueOf(k);
            steps.add("  <nop><action><exec play_pcap_audio=\"" + PCAPS + "dtmf_2833_" + name + ".pcap\"/></action></nop>");
            pause(600);
        }
        return this;
    }

    /** Keys as SIP INFO requests ({@code application/dtmf-relay}), as phones without RFC 4733 send them. */
    public Sipp infoKeys(String keys) {
        for (char k : keys.toCharArray()) {
            String body = "Signal=" + k + "\nDuration=160\n";
            steps.add("  <send retrans=\"500\"><![CDATA[\n" + inDialog(request("INFO", nextCseq++)).replace(
                    "To: <sip:[service]@[remote_ip]:[remote_port]>", "To: <sip:[service]@[remote_ip]:[remote_port]>[peer_tag_param]")
                    + "Content-Type: application/dtmf-relay\nContent-Length: [len]\n\n" + body + "]]></send>");
            steps.add("  <recv response=\"200\"/>");
            pause(300);
        }
        return this;
    }

    /** The caller talks: sipp's G.711 A-law sample (about 8 s), played while the scenario goes on. */
    public Sipp talk() {
        steps.add("  <nop><action><exec play_pcap_audio=\"" + PCAPS + "g711a.pcap\"/></action></nop>");
        return this;
    }

    /** Ends without a BYE: the caller stays on the line until the other side hangs up (or the test kills sipp). */
    public Sipp awaitBye(long timeoutMillis) {
        hangUp = false;
        if (!steps.isEmpty() && steps.get(steps.size() - 1).contains("<pause")) {
            steps.remove(steps.size() - 1); // a BYE that arrives during a pause would abort the scenario
        }
        steps.add("  <recv request=\"BYE\" timeout=\"" + timeoutMillis + "\"/>");
        steps.add("  <send><![CDATA[\nSIP/2.0 200 OK\n[last_Via:]\n[last_From:]\n[last_To:]\n[last_Call-ID:]\n[last_CSeq:]\nContent-Length: 0\n\n]]></send>");
        return this;
    }

    public String scenario(int earPort) {
        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" encoding=\"ISO-8859-1\" ?>\n<scenario name=\"caller\">\n");
        x.append("  <send retrans=\"500\"><![CDATA[\n").append(request("INVITE", 1)).append("Content-Type: application/sdp\n")
                .append("Content-Length: [len]\n\n")
                .append("v=0\no=caller 1 1 IN IP4 [local_ip]\ns=-\nc=IN IP4 [media_ip]\nt=0 0\n")
                .append("m=audio ").append(earPort).append(" RTP/AVP 8 0 101\na=rtpmap:8 PCMA/8000\na=rtpmap:0 PCMU/8000\n")
                .append("a=rtpmap:101 telephone-event/8000\na=fmtp:101 0-15\n\n]]></send>\n");
        x.append("  <recv response=\"100\" optional=\"true\"/>\n  <recv response=\"180\" optional=\"true\"/>\n");
        // rrs: keep the answer's Record-Route and Contact, so the ACK and the BYE follow a proxy in the path (RFC 3261 12.2)
        x.append("  <recv response=\"200\" rtd=\"true\" rrs=\"true\"/>\n");
        x.append("  <send><![CDATA[\n").append(inDialog(request("ACK", 1)).replace("To: <sip:[service]@[remote_ip]:[remote_port]>",
                "To: <sip:[service]@[remote_ip]:[remote_port]>[peer_tag_param]")).append("Content-Length: 0\n\n]]></send>\n");
        steps.forEach(s -> x.append(s).append('\n'));
        if (hangUp) {
            x.append("  <send retrans=\"500\"><![CDATA[\n").append(inDialog(request("BYE", nextCseq)).replace("To: <sip:[service]@[remote_ip]:[remote_port]>",
                    "To: <sip:[service]@[remote_ip]:[remote_port]>[peer_tag_param]")).append("Content-Length: 0\n\n]]></send>\n");
            x.append("  <recv response=\"200\"/>\n");
        }
        x.append("</scenario>\n");
        return x.toString();
    }

    /** A request inside the dialog: to the answer's Contact, through the route set its Record-Route gave. */
    private static String inDialog(String request) {
        return request.replaceFirst(" sip:\\[service\\]@\\[remote_ip\\]:\\[remote_port\\] SIP/2.0\n", " [next_url] SIP/2.0\n")
                .replace("Max-Forwards: 70\n", "Max-Forwards: 70\n[routes]\n");
    }

    private String request(String method, int cseq) {
        return method + " sip:[service]@[remote_ip]:[remote_port] SIP/2.0\n"
                + "Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]\n"
                + "From: <sip:" + caller + "@[local_ip]:[local_port]>;tag=[pid]SIPpTag[call_number]\n"
                + "To: <sip:[service]@[remote_ip]:[remote_port]>\n"
                + "Call-ID: [call_id]\n"
                + "CSeq: " + cseq + " " + method + "\n"
                + "Contact: <sip:" + caller + "@[local_ip]:[local_port]>\n"
                + "Max-Forwards: 70\n";
    }

    /** Runs one call to {@code number} at the gateway; sipp's exit code (0: the scenario ran to its end). */
    public Result call(String number, int gatewayPort, RtpEar ear, Path workDir, long timeoutSeconds) {
        try {
            Files.createDirectories(workDir);
            Path file = workDir.resolve("caller-" + System.nanoTime() + ".xml");
            Files.writeString(file, scenario(ear.port()), StandardCharsets.ISO_8859_1);
            Path out = workDir.resolve(file.getFileName() + ".out");
            Process p = new ProcessBuilder("sipp", "127.0.0.1:" + gatewayPort, "-sf", file.toString(), "-s", number, "-m", "1",
                    "-i", "127.0.0.1", "-p", String.valueOf(freeUdpPort()), "-mp", String.valueOf(freeUdpPort()), "-nostdin",
                    "-trace_err", "-error_file", workDir.resolve(file.getFileName() + ".errors").toString())
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (!done) {
                p.destroyForcibly();
            }
            return new Result(done ? p.exitValue() : -1, Files.readString(out, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** sipp's exit code (0: every call ran to the scenario's end) and its report. */
    public record Result(int exitCode, String output) {
    }

    static int freeUdpPort() {
        try (java.net.DatagramSocket s = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (java.net.SocketException e) {
            throw new UncheckedIOException(e);
        }
    }
}
