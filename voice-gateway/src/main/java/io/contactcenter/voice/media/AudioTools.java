package io.contactcenter.voice.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The Debian audio tools the gateway drives: sox to bring any WAV to 8 kHz mono 16-bit. */
public final class AudioTools {

    private AudioTools() {
    }

    /** {@code wav} (any rate, channels or common encoding) as 8 kHz mono samples; fails with sox's reason. */
    public static short[] to8k(byte[] wav) throws IOException {
        Path dir = Files.createTempDirectory("cc-voice-audio");
        try {
            Path in = dir.resolve("in.wav");
            Path out = dir.resolve("out.wav");
            Files.write(in, wav);
            resample(in, out);
            return Recording.Wav.read(Files.readAllBytes(out));
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    public static void resample(Path in, Path out) throws IOException {
        run("sox", in.toString(), "-r", "8000", "-c", "1", "-b", "16", "-e", "signed-integer", out.toString());
    }

    public static void run(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(command[0] + " failed: " + new String(out, StandardCharsets.UTF_8).trim());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException(command[0] + " interrupted", e);
        }
    }
}
