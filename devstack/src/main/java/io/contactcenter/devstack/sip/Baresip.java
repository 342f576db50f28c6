package io.contactcenter.devstack.sip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An agent's softphone in tests: Debian's baresip, headless, registered with digest credentials to the gateway,
 * answering calls by itself. It talks a steady test tone (so the caller's ear can tell the agent from music and
 * prompts) and records what it hears (module sndfile), so audio is checked at both ends.
 */
public final class Baresip implements AutoCloseable {

    private final Process process;
    private final Path dir;

    private Baresip(Process process, Path dir) {
        this.process = process;
        this.dir = dir;
    }

    /**
     * Starts a phone for {@code user}/{@code password} registering at the gateway's SIP port. {@code answer}: auto,
     * or manual (it rings and never answers: a ring-out).
     */
    public static Baresip start(Path dir, String user, String password, int gatewayPort, int toneHz, boolean autoAnswer) {
        try {
            Files.createDirectories(dir);
            Path tone = dir.resolve("tone.wav");
            run("sox", "-n", "-r", "8000", "-c", "1", "-b", "16", tone.toString(), "synth", "600", "sine", String.valueOf(toneHz), "vol", "0.3");
            int sip = Sipp.freeUdpPort();
            int rtp = 20000 + (int) (ProcessHandle.current().pid() % 200) * 50 + (toneHz % 10) * 4;
            Files.writeString(dir.resolve("config"), String.join("\n",
                    "poll_method epoll",
                    "sip_listen 127.0.0.1:" + sip,
                    // ALSA's null device plays into nothing, but playing is what pulls the decoder (and sndfile's dump)
                    "audio_player alsa,null",
                    "audio_source aufile," + tone,
                    "audio_alert aufile,/dev/null",
                    "rtp_ports " + rtp + "-" + (rtp + 40),
                    "module_path /usr/lib/baresip/modules",
                    "module g711.so",
                    "module aufile.so",
                    "module alsa.so",
                    "module rtcpsummary.so",
                    "module sndfile.so",
                    "snd_path " + dir,
                    "module account.so",
                    "module menu.so",
                    "") + "\n");
            Files.writeString(dir.resolve("accounts"), "<sip:" + user + "@127.0.0.1:" + gatewayPort + ";transport=udp>;auth_pass="
                    + password + ";answermode=" + (autoAnswer ? "auto" : "manual") + ";audio_codecs=PCMU,PCMA;regint=300\n");
            Files.writeString(dir.resolve("contacts"), "");
            Process p = new ProcessBuilder("baresip", "-f", dir.toString()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("baresip.log").toFile()).redirectInput(ProcessBuilder.Redirect.PIPE).start();
            return new Baresip(p, dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The WAV files baresip's sndfile wrote of what it heard (decoded audio of each call). */
    public List<Path> heard() {
        List<Path> out = new ArrayList<>();
        try (var files = Files.list(dir)) {
            files.filter(f -> f.getFileName().toString().startsWith("dump-") && f.getFileName().toString().endsWith("-dec.wav"))
                    .forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    public Path log() {
        return dir.resolve("baresip.log");
    }

    public boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        stop(process);
    }

    /** SIGTERM, and SIGKILL if the process has not gone 5 s later. */
    static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    static void run(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + new String(out));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
