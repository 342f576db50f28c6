package io.contactcenter.devstack.sip;

import io.contactcenter.devstack.DevStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Debian's Kamailio in front of voice gateway replicas, run with the configuration the project ships
 * ({@code voice-gateway/kamailio/kamailio.cfg}): dispatcher over the replicas' SIP ports, in the foreground.
 */
public final class Kamailio implements AutoCloseable {

    private final Process process;
    private final Path log;
    public final int port;

    private Kamailio(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    public static Kamailio start(Path dir, List<Integer> gatewayPorts) {
        try {
            Files.createDirectories(dir);
            Path list = dir.resolve("dispatcher.list");
            Files.writeString(list, gatewayPorts.stream().map(p -> "1 sip:127.0.0.1:" + p).collect(Collectors.joining("\n")) + "\n");
            Path run = Files.createTempDirectory(Files.createDirectories(dir), "run-");
            int port = Sipp.freeUdpPort();
            Path log = dir.resolve("kamailio.log");
            Process p = new ProcessBuilder("kamailio", "-DD", "-E", "-f",
                    DevStack.root().resolve("voice-gateway/kamailio/kamailio.cfg").toString(),
                    "-A", "LISTEN=udp:127.0.0.1:" + port, "-A", "DISPATCHER_LIST=\"" + list + "\"", "-Y", run.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Kamailio k = new Kamailio(p, log, port);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (!k.log().contains("processes (at least)")) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    k.close();
                    throw new IllegalStateException("kamailio did not start: " + k.log());
                }
                Thread.sleep(100);
            }
            Thread.sleep(500); // its worker processes are forked after that line
            return k;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        Baresip.stop(process);
    }
}
