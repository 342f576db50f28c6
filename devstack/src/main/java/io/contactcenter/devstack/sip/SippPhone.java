package io.contactcenter.devstack.sip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * An agent's phone played by sipp, for the answers baresip does not give on its own: it registers with digest
 * credentials (sipp's [authentication]), then, as a UAS on the registered port, either declines the call (486) after
 * ringing, or rings until the gateway gives up and cancels (200 to the CANCEL, 487 to the INVITE).
 */
public final class SippPhone implements AutoCloseable {

    public enum Answer { DECLINE, RING_OUT, ANSWER }

    private final Process uas;
    private final Path out;

    private SippPhone(Process uas, Path out) {
        this.uas = uas;
        this.out = out;
    }

    public static SippPhone start(Path workDir, String user, String password, int gatewayPort, Answer answer) {
        return start(workDir, user, password, gatewayPort, answer, Sipp.freeUdpPort());
    }

    /**
     * A customer's phone behind the trunk: no registration, it waits on {@code port} for the gateway's INVITE and
     * answers as told (ANSWER: 200 with SDP, then it stays on the line until the gateway hangs up).
     */
    public static SippPhone customer(Path workDir, int port, Answer answer) {
        return start(workDir, null, null, 0, answer, port);
    }

    private static SippPhone start(Path workDir, String user, String password, int gatewayPort, Answer answer, int phonePort) {
        try {
            Files.createDirectories(workDir);
            Path uasFile = workDir.resolve("phone-" + answer + "-" + phonePort + ".xml");
            Files.writeString(uasFile, answer == Answer.DECLINE ? DECLINE : answer == Answer.RING_OUT ? RING_OUT : ANSWER,
                    StandardCharsets.ISO_8859_1);
            Path uasOut = workDir.resolve(uasFile.getFileName() + ".out");
            Process uas = new ProcessBuilder("sipp", "-sf", uasFile.toString(), "-i", "127.0.0.1", "-p", String.valueOf(phonePort),
                    "-mp", String.valueOf(Sipp.freeUdpPort()),
                    "-m", "1", "-nostdin", "-trace_err", "-error_file", workDir.resolve(uasFile.getFileName() + ".errors").toString())
                    .redirectErrorStream(true).redirectOutput(uasOut.toFile()).start();
            if (user == null) {
                return new SippPhone(uas, uasOut);
            }
            Path regFile = workDir.resolve("register-" + phonePort + ".xml");
            Files.writeString(regFile, register(user, password, phonePort), StandardCharsets.ISO_8859_1);
            Path regOut = workDir.resolve(regFile.getFileName() + ".out");
            Process reg = new ProcessBuilder("sipp", "127.0.0.1:" + gatewayPort, "-sf", regFile.toString(), "-i", "127.0.0.1",
                    "-p", String.valueOf(Sipp.freeUdpPort()), "-m", "1", "-nostdin", "-au", user, "-ap", password)
                    .redirectErrorStream(true).redirectOutput(regOut.toFile()).start();
            if (!reg.waitFor(20, TimeUnit.SECONDS) || reg.exitValue() != 0) {
                uas.destroyForcibly();
                throw new IllegalStateException("sipp REGISTER failed: " + Files.readString(regOut, StandardCharsets.ISO_8859_1));
            }
            return new SippPhone(uas, uasOut);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits for the phone's one call to run through its scenario; sipp's exit code (0: as scripted). */
    public int await(long seconds) {
        try {
            if (!uas.waitFor(seconds, TimeUnit.SECONDS)) {
                return -1;
            }
            return uas.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    public String output() {
        try {
            return Files.readString(out, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        uas.destroyForcibly();
    }

    private static String register(String user, String password, int contactPort) {
        String head = "REGISTER sip:[remote_ip]:[remote_port] SIP/2.0\n"
                + "Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]\n"
                + "From: <sip:" + user + "@[remote_ip]>;tag=[pid]SIPpTag[call_number]\n"
                + "To: <sip:" + user + "@[remote_ip]>\n"
                + "Call-ID: [call_id]\n"
                + "Contact: <sip:" + user + "@[local_ip]:" + contactPort + ">\n"
                + "Expires: 300\nMax-Forwards: 70\n";
        return "<?xml version=\"1.0\" encoding=\"ISO-8859-1\" ?>\n<scenario name=\"register\">\n"
                + "  <send retrans=\"500\"><![CDATA[\n" + head + "CSeq: 1 REGISTER\nContent-Length: 0\n\n]]></send>\n"
                + "  <recv response=\"401\" auth=\"true\"/>\n"
                + "  <send retrans=\"500\"><![CDATA[\n" + head + "CSeq: 2 REGISTER\n[authentication]\nContent-Length: 0\n\n]]></send>\n"
                + "  <recv response=\"200\"/>\n</scenario>\n";
    }

    private static final String RINGING = """
              <send><![CDATA[
            SIP/2.0 180 Ringing
            [last_Via:]
            [last_From:]
            [last_To:];tag=[pid]SIPpTag01[call_number]
            [last_Call-ID:]
            [last_CSeq:]
            Contact: <sip:[local_ip]:[local_port]>
            Content-Length: 0

            ]]></send>
            """;

    private static final String DECLINE = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\" ?>\n<scenario name=\"decline\">\n"
            + "  <recv request=\"INVITE\"/>\n" + RINGING + "  <pause milliseconds=\"1500\"/>\n"
            + """
              <send><![CDATA[
            SIP/2.0 486 Busy Here
            [last_Via:]
            [last_From:]
            [last_To:];tag=[pid]SIPpTag01[call_number]
            [last_Call-ID:]
            [last_CSeq:]
            Content-Length: 0

            ]]></send>
              <recv request="ACK"/>
            </scenario>
            """;

    private static final String ANSWER = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\" ?>\n<scenario name=\"answer\">\n"
            + "  <recv request=\"INVITE\"/>\n" + RINGING + "  <pause milliseconds=\"300\"/>\n"
            + """
              <send><![CDATA[
            SIP/2.0 200 OK
            [last_Via:]
            [last_From:]
            [last_To:];tag=[pid]SIPpTag01[call_number]
            [last_Call-ID:]
            [last_CSeq:]
            Contact: <sip:[local_ip]:[local_port]>
            Content-Type: application/sdp
            Content-Length: [len]

            v=0
            o=customer 1 1 IN IP4 [local_ip]
            s=-
            c=IN IP4 [media_ip]
            t=0 0
            m=audio [media_port] RTP/AVP 0 101
            a=rtpmap:0 PCMU/8000
            a=rtpmap:101 telephone-event/8000

            ]]></send>
              <recv request="ACK"/>
              <recv request="BYE" timeout="60000"/>
              <send><![CDATA[
            SIP/2.0 200 OK
            [last_Via:]
            [last_From:]
            [last_To:]
            [last_Call-ID:]
            [last_CSeq:]
            Content-Length: 0

            ]]></send>
            </scenario>
            """;

    private static final String RING_OUT = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\" ?>\n<scenario name=\"ring-out\">\n"
            + "  <recv request=\"INVITE\"><action><ereg regexp=\"[0-9]+\" search_in=\"hdr\" header=\"CSeq:\" assign_to=\"cseq\"/></action></recv>\n"
            + RINGING
            + """
              <recv request="CANCEL" timeout="60000"/>
              <send><![CDATA[
            SIP/2.0 200 OK
            [last_Via:]
            [last_From:]
            [last_To:];tag=[pid]SIPpTag01[call_number]
            [last_Call-ID:]
            [last_CSeq:]
            Content-Length: 0

            ]]></send>
              <send><![CDATA[
            SIP/2.0 487 Request Terminated
            [last_Via:]
            [last_From:]
            [last_To:];tag=[pid]SIPpTag01[call_number]
            [last_Call-ID:]
            CSeq: [$cseq] INVITE
            Content-Length: 0

            ]]></send>
              <recv request="ACK"/>
            </scenario>
            """;
}
