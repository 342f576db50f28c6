package io.contactcenter.simulator;

import static io.restassured.RestAssured.given;

import io.contactcenter.devstack.DevStack;
import io.contactcenter.devstack.ServiceProcess;
import io.contactcenter.devstack.Tokens;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./contact-center bench voice}: sipp places calls at rising rates into the packaged voice gateway (flow: a
 * spoken greeting, then the queue's hold music for the call's length, so every call carries media the whole time).
 * Every call's SDP points at one receiving socket of the bench, which keeps RFC 3550 loss and jitter per stream (by
 * SSRC): the caller's side of the media. Recorded per rate: calls held at once (the gateway's gauge, sampled), INVITE →
 * 200 OK (sipp's response times), INVITE → first prompt frame (the gateway's timer), loss and jitter at the caller,
 * and the gateway's CPU per call. Baseline in the same run: sipp calling a sipp UAS directly, which plays sipp's G.711
 * sample back to the same socket.
 */
public final class VoiceBench {

    private static final String ADMIN = "admin";

    private VoiceBench() {
    }

    /** One stream as the caller received it. */
    private static final class Stream {
        long packets;
        int baseSeq = -1;
        int maxSeq;
        long cycles;
        double jitter;
        long lastTransit = Long.MIN_VALUE;

        void add(int seq, long ts, long nanos) {
            packets++;
            if (baseSeq < 0) {
                baseSeq = seq;
                maxSeq = seq;
            } else {
                int d = (seq - maxSeq) & 0xFFFF;
                if (d > 0 && d < 3000) {
                    if (seq < maxSeq) {
                        cycles += 1 << 16;
                    }
                    maxSeq = seq;
                }
            }
            long transit = nanos / 125_000L - ts;
            if (lastTransit != Long.MIN_VALUE) {
                long dd = Math.abs(transit - lastTransit);
                if (dd < 80_000) {
                    jitter += (dd - jitter) / 16.0;
                }
            }
            lastTransit = transit;
        }

        long expected() {
            return baseSeq < 0 ? 0 : cycles + maxSeq - baseSeq + 1;
        }
    }

    /** The callers' ear: one socket, streams told apart by SSRC. */
    private static final class Ear implements AutoCloseable {
        final DatagramSocket socket;
        final Map<Long, Stream> streams = new HashMap<>();
        final Thread reader;

        Ear() throws IOException {
            socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
            socket.setReceiveBufferSize(8 << 20);
            reader = new Thread(() -> {
                byte[] b = new byte[2048];
                while (!socket.isClosed()) {
                    DatagramPacket p = new DatagramPacket(b, b.length);
                    try {
                        socket.receive(p);
                    } catch (IOException closed) {
                        return;
                    }
                    long now = System.nanoTime();
                    if (p.getLength() < 12 || (b[0] & 0xC0) != 0x80) {
                        continue;
                    }
                    int seq = ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
                    long ts = ((long) (b[4] & 0xFF) << 24) | ((b[5] & 0xFF) << 16) | ((b[6] & 0xFF) << 8) | (b[7] & 0xFF);
                    long ssrc = ((long) (b[8] & 0xFF) << 24) | ((b[9] & 0xFF) << 16) | ((b[10] & 0xFF) << 8) | (b[11] & 0xFF);
                    synchronized (streams) {
                        streams.computeIfAbsent(ssrc, k -> new Stream()).add(seq, ts, now);
                    }
                }
            }, "voice-bench-ear");
            reader.setDaemon(true);
            reader.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        /** Streams with at least a second of packets: loss over all of them, and jitter per stream. */
        Result result() {
            synchronized (streams) {
                long received = 0;
                long expected = 0;
                List<Double> jitters = new ArrayList<>();
                for (Stream s : streams.values()) {
                    if (s.packets < 50) {
                        continue;
                    }
                    received += s.packets;
                    expected += s.expected();
                    jitters.add(s.jitter / 8.0);
                }
                double[] j = Stats.sorted(jitters);
                return new Result(jitters.size(), received, expected == 0 ? 0 : Math.max(0, (double) (expected - received) / expected),
                        j.length == 0 ? 0 : Stats.percentile(j, 50), j.length == 0 ? 0 : Stats.percentile(j, 99));
            }
        }

        @Override
        public void close() {
            socket.close();
        }
    }

    record Result(int streams, long packets, double loss, double jitterP50, double jitterP99) {
    }

    record Row(String what, double rate, int calls, int completed, int maxHeld, double setupP50, double setupP99, double promptP50,
            double promptP99, Result media, double cpuPerCall) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = Bench.options(args);
        List<Double> rates = new ArrayList<>();
        for (String r : opts.getOrDefault("rates", "2,5,10").split(",")) {
            rates.add(Double.parseDouble(r.trim()));
        }
        int hold = Integer.parseInt(opts.getOrDefault("hold", "20"));
        int seconds = Integer.parseInt(opts.getOrDefault("seconds", "40"));
        Bench.init();
        Path work = DevStack.root().resolve("simulator/target/voice-bench");
        Files.createDirectories(work);
        String run = UUID.randomUUID().toString().substring(0, 8);
        int sipPort = ServiceProcess.freePort();
        List<Row> rows = new ArrayList<>();
        List<String> jvm = List.of("-Xmx512m", "-XX:+UseSerialGC");
        try (ServiceProcess routing = ServiceProcess.start("routing", Map.of(), jvm);
                ServiceProcess ivr = ServiceProcess.start("ivr", Bench.fromTheEnd("ivr-vb-" + run, Map.of(
                        "CC_IVR_ROUTING_URL", routing.url(""), "CC_IVR_SERVICE_TOKEN", raw(Tokens.bearer("service")))), jvm);
                ServiceProcess voice = ServiceProcess.start("voice", ServiceProcess.freePort(), Map.of("CC_VOICE_SIP_PORT",
                        String.valueOf(sipPort), "CC_VOICE_IVR_URL", ivr.url(""), "CC_VOICE_ROUTING_URL", routing.url(""),
                        "CC_VOICE_SERVICE_TOKEN", raw(Tokens.bearer("telephony")), "CC_VOICE_INSTANCE_ID", "voice-bench-" + run,
                        "CC_VOICE_RECORDING_ENABLED", "false", "MP_MESSAGING_INCOMING_CONTACTS_GROUP_ID", "voice-vb-" + run), jvm)) {
            String number = "+4940998" + String.format("%06d", Math.abs(run.hashCode()) % 1_000_000);
            provision(routing, ivr, "vb-" + run, number);
            for (double rate : rates) {
                int calls = (int) Math.round(rate * seconds);
                // the baseline first at each rate: sipp to sipp, same calls, same hold
                rows.add(baseline(work, rate, calls, hold));
                try (Ear ear = new Ear()) {
                    double cpu0 = Machine.cpuSecondsOf(voice.pid());
                    double[] prompt0 = histogram(voice);
                    int[] maxHeld = {0};
                    Thread sampler = new Thread(() -> {
                        while (!Thread.currentThread().isInterrupted()) {
                            maxHeld[0] = Math.max(maxHeld[0], (int) gauge(voice, "cc_voice_calls_active"));
                            try {
                                Thread.sleep(500);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    });
                    sampler.start();
                    Sipp sipp = Sipp.run(work, "gw-" + rate, caller(ear.port(), hold), "127.0.0.1:" + sipPort, number, rate, calls,
                            seconds + hold + 60);
                    sampler.interrupt();
                    double cpu = Machine.cpuSecondsOf(voice.pid()) - cpu0;
                    double[] prompt = promptPercentiles(voice, prompt0);
                    rows.add(new Row("gateway", rate, calls, sipp.completed, maxHeld[0], sipp.p50, sipp.p99, prompt[0], prompt[1],
                            ear.result(), cpu / Math.max(1, sipp.completed)));
                    System.out.printf(Locale.ROOT, "voice bench %.1f calls/s: %s%n", rate, rows.get(rows.size() - 1));
                }
                Thread.sleep(3000); // the last calls' hang-ups reach the IVR and routing before the next rate
            }
        }
        Bench.write(DevStack.root().resolve("bench/results/voice.md"), report(rows, hold, seconds, String.join(" ", args)));
    }

    private static void provision(ServiceProcess routing, ServiceProcess ivr, String queue, String number) {
        String admin = Tokens.bearer(ADMIN);
        given().header("Authorization", admin).contentType("application/json").body("{\"strategy\":\"LONGEST_IDLE\"}")
                .when().put(routing.url("/routing/queues/" + queue)).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        String flow = "flow-" + queue;
        given().header("Authorization", admin).contentType("application/yaml").body(("""
                name: Voice bench
                language: en
                start: welcome
                operator: queue
                nodes:
                  welcome: {type: say, text: "Welcome. Please hold, an agent will be with you shortly.", next: queue}
                  queue:
                    type: enqueue
                    queue: %s
                    hold: {music: [hold-music], announceEverySeconds: 600}
                """).formatted(queue).getBytes(StandardCharsets.UTF_8))
                .when().put(ivr.url("/ivr/flows/" + flow)).then().statusCode(200);
        given().header("Authorization", admin).when().post(ivr.url("/ivr/flows/" + flow + "/publish")).then().statusCode(200);
        given().header("Authorization", admin).contentType("application/json").body("{\"flowId\":\"" + flow + "\"}")
                .when().put(ivr.url("/ivr/numbers/" + number)).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    private static Row baseline(Path work, double rate, int calls, int hold) throws Exception {
        try (Ear ear = new Ear()) {
            int uasPort = ServiceProcess.freePort();
            Path uasFile = work.resolve("uas.xml");
            Path audio = work.resolve("tone.alaw");
            if (!Files.exists(audio)) {
                // sipp's rtp_stream sends a raw A-law file as its own RTP stream per call (own SSRC), looped
                new ProcessBuilder("sox", "-n", "-r", "8000", "-c", "1", "-e", "a-law", "-t", "raw", audio.toString(), "synth", "10",
                        "sine", "440", "vol", "0.3").inheritIO().start().waitFor(30, TimeUnit.SECONDS);
            }
            Files.writeString(uasFile, UAS.replace("@HOLD@", String.valueOf(hold * 1000)).replace("@AUDIO@", audio.toString()),
                    StandardCharsets.ISO_8859_1);
            Process uas = new ProcessBuilder("sipp", "-sf", uasFile.toString(), "-i", "127.0.0.1", "-p", String.valueOf(uasPort),
                    "-mp", String.valueOf(ServiceProcess.freePort()), "-nostdin", "-bg")
                    .redirectErrorStream(true).redirectOutput(work.resolve("uas.out").toFile()).start();
            uas.waitFor(5, TimeUnit.SECONDS); // -bg: sipp forks and the parent returns
            Thread.sleep(500);
            try {
                Sipp sipp = Sipp.run(work, "base-" + rate, caller(ear.port(), hold), "127.0.0.1:" + uasPort, "baseline", rate, calls,
                        calls / rate + hold + 60);
                return new Row("baseline sipp→sipp", rate, calls, sipp.completed, -1, sipp.p50, sipp.p99, Double.NaN, Double.NaN,
                        ear.result(), Double.NaN);
            } finally {
                new ProcessBuilder("pkill", "-f", uasFile.toString()).start().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    /** One sipp UAC run and what it reported. */
    private static final class Sipp {
        int completed;
        double p50;
        double p99;

        static Sipp run(Path work, String name, String scenario, String target, String service, double rate, int calls, double timeout)
                throws Exception {
            Path file = work.resolve(name + ".xml");
            Files.writeString(file, scenario, StandardCharsets.ISO_8859_1);
            for (Path old : listing(work, name + "_")) {
                Files.deleteIfExists(old);
            }
            Process p = new ProcessBuilder("sipp", target, "-sf", file.toString(), "-s", service, "-r",
                    String.format(Locale.ROOT, "%.2f", rate), "-m", String.valueOf(calls), "-i", "127.0.0.1",
                    "-p", String.valueOf(ServiceProcess.freePort()), "-mp", String.valueOf(ServiceProcess.freePort()),
                    "-nostdin", "-trace_rtt", "-rtt_freq", "1", "-trace_stat", "-fd", "1")
                    .directory(work.toFile()).redirectErrorStream(true).redirectOutput(work.resolve(name + ".out").toFile()).start();
            if (!p.waitFor((long) timeout, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            Sipp s = new Sipp();
            List<Double> rtts = new ArrayList<>();
            for (Path f : listing(work, name + "_")) {
                if (f.getFileName().toString().endsWith("_rtt.csv")) {
                    for (String line : Files.readAllLines(f)) {
                        String[] cols = line.split(";");
                        if (cols.length >= 2 && cols[1].matches("[0-9.]+")) {
                            rtts.add(Double.parseDouble(cols[1]));
                        }
                    }
                }
                if (f.getFileName().toString().endsWith(".csv") && !f.getFileName().toString().endsWith("_rtt.csv")) {
                    List<String> lines = Files.readAllLines(f);
                    if (lines.size() >= 2) {
                        String[] head = lines.get(0).split(";");
                        String[] last = lines.get(lines.size() - 1).split(";");
                        for (int i = 0; i < head.length && i < last.length; i++) {
                            if (head[i].equals("SuccessfulCall(C)")) {
                                s.completed = Integer.parseInt(last[i].trim());
                            }
                        }
                    }
                }
            }
            double[] sorted = Stats.sorted(rtts);
            s.p50 = sorted.length == 0 ? Double.NaN : Stats.percentile(sorted, 50);
            s.p99 = sorted.length == 0 ? Double.NaN : Stats.percentile(sorted, 99);
            return s;
        }

        private static List<Path> listing(Path dir, String prefix) throws IOException {
            try (var files = Files.list(dir)) {
                return files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList();
            }
        }
    }

    private static String caller(int earPort, int holdSeconds) {
        return """
                <?xml version="1.0" encoding="ISO-8859-1" ?>
                <scenario name="voice-bench">
                  <send retrans="500"><![CDATA[
                INVITE sip:[service]@[remote_ip]:[remote_port] SIP/2.0
                Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
                From: <sip:+4930[call_number]@[local_ip]:[local_port]>;tag=[pid]SIPpTag[call_number]
                To: <sip:[service]@[remote_ip]:[remote_port]>
                Call-ID: [call_id]
                CSeq: 1 INVITE
                Contact: <sip:caller@[local_ip]:[local_port]>
                Max-Forwards: 70
                Content-Type: application/sdp
                Content-Length: [len]

                v=0
                o=caller 1 1 IN IP4 [local_ip]
                s=-
                c=IN IP4 [media_ip]
                t=0 0
                m=audio %d RTP/AVP 8 101
                a=rtpmap:8 PCMA/8000
                a=rtpmap:101 telephone-event/8000

                ]]></send>
                  <recv response="100" optional="true"/>
                  <recv response="180" optional="true"/>
                  <recv response="200" rtd="true"/>
                  <send><![CDATA[
                ACK sip:[service]@[remote_ip]:[remote_port] SIP/2.0
                Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
                From: <sip:+4930[call_number]@[local_ip]:[local_port]>;tag=[pid]SIPpTag[call_number]
                To: <sip:[service]@[remote_ip]:[remote_port]>[peer_tag_param]
                Call-ID: [call_id]
                CSeq: 1 ACK
                Max-Forwards: 70
                Content-Length: 0

                ]]></send>
                  <pause milliseconds="%d"/>
                  <send retrans="500"><![CDATA[
                BYE sip:[service]@[remote_ip]:[remote_port] SIP/2.0
                Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
                From: <sip:+4930[call_number]@[local_ip]:[local_port]>;tag=[pid]SIPpTag[call_number]
                To: <sip:[service]@[remote_ip]:[remote_port]>[peer_tag_param]
                Call-ID: [call_id]
                CSeq: 2 BYE
                Max-Forwards: 70
                Content-Length: 0

                ]]></send>
                  <recv response="200"/>
                </scenario>
                """.formatted(earPort, holdSeconds * 1000);
    }

    /** The baseline's callee: answers at once and streams A-law audio (sipp's rtp_stream, looped) until the caller hangs up. */
    private static final String UAS = """
            <?xml version="1.0" encoding="ISO-8859-1" ?>
            <scenario name="uas">
              <recv request="INVITE"/>
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
            o=uas 1 1 IN IP4 [local_ip]
            s=-
            c=IN IP4 [media_ip]
            t=0 0
            m=audio [media_port] RTP/AVP 8
            a=rtpmap:8 PCMA/8000

            ]]></send>
              <recv request="ACK"/>
              <nop><action><exec rtp_stream="@AUDIO@,-1,8"/></action></nop>
              <recv request="BYE" timeout="@HOLD@" ontimeout="wait"/>
              <label id="wait"/>
              <recv request="BYE"/>
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

    private static double[] histogram(ServiceProcess voice) {
        return new double[] {metric(voice, "cc_voice_call_setup_seconds_count{until=\"first-prompt\"}"),
                metric(voice, "cc_voice_call_setup_seconds_sum{until=\"first-prompt\"}")};
    }

    /** Mean and max INVITE → first prompt over the run (the gateway's timer keeps count, sum and max). */
    private static double[] promptPercentiles(ServiceProcess voice, double[] before) {
        double[] now = histogram(voice);
        double n = now[0] - before[0];
        return new double[] {n == 0 ? Double.NaN : 1000 * (now[1] - before[1]) / n,
                1000 * metric(voice, "cc_voice_call_setup_seconds_max{until=\"first-prompt\"}")};
    }

    private static double gauge(ServiceProcess voice, String name) {
        return metric(voice, name);
    }

    private static double metric(ServiceProcess voice, String series) {
        try {
            String body = given().when().get(voice.url("/q/metrics")).then().extract().asString();
            for (String line : body.split("\n")) {
                if (line.startsWith(series + " ")) {
                    return Double.parseDouble(line.substring(series.length() + 1).trim());
                }
            }
        } catch (RuntimeException e) {
            return 0;
        }
        return 0;
    }

    private static String report(List<Row> rows, int hold, int seconds, String args) {
        StringBuilder md = new StringBuilder("# Voice gateway under load\n\n");
        md.append("- Machine: ").append(Machine.describe()).append("\n");
        md.append("- Command: `./contact-center bench voice ").append(args).append("`\n");
        md.append("- Each rate: sipp places calls for ").append(seconds).append(" s, each held ").append(hold)
                .append(" s (greeting by espeak-ng, then hold music), G.711 A-law with telephone-events offered; routing,"
                        + " ivr-service and voice-gateway packaged, 512 MB heap, serial GC.\n");
        md.append("- Baseline (same rate, same hold): sipp UAC to a sipp UAS that answers at once and streams A-law audio for"
                + " the whole call (sipp's rtp_stream, one RTP stream per call).\n");
        md.append("- Setup: INVITE → 200 OK from sipp's response times (p50/p99); INVITE → first prompt frame from the"
                + " gateway's timer (mean/max). Loss and jitter: RFC 3550, per stream at the caller's socket; jitter p50/p99"
                + " over streams. CPU: the gateway process's CPU seconds over the rate ÷ completed calls.\n\n");
        md.append("| side | calls/s | calls | completed | held at once (max) | INVITE→200 p50 / p99 ms | INVITE→prompt mean / max ms |"
                + " streams | packets | loss | jitter p50 / p99 ms | gateway CPU ms per call |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            md.append(String.format(Locale.ROOT, "| %s | %.1f | %d | %d | %s | %.1f / %.1f | %s | %d | %d | %.3f %% | %.2f / %.2f | %s |%n",
                    r.what(), r.rate(), r.calls(), r.completed(), r.maxHeld() < 0 ? "—" : String.valueOf(r.maxHeld()), r.setupP50(),
                    r.setupP99(), Double.isNaN(r.promptP50()) ? "—" : String.format(Locale.ROOT, "%.0f / %.0f", r.promptP50(), r.promptP99()),
                    r.media().streams(), r.media().packets(), 100 * r.media().loss(), r.media().jitterP50(), r.media().jitterP99(),
                    Double.isNaN(r.cpuPerCall()) ? "—" : String.format(Locale.ROOT, "%.0f", 1000 * r.cpuPerCall())));
        }
        return md.toString();
    }

    private static String raw(String bearer) {
        return bearer.substring("Bearer ".length());
    }
}
