package io.contactcenter.devstack;

import java.util.ArrayList;
import java.util.List;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** One packaged service running as its own JVM, configured the way ./contact-center up configures it. */
public final class ServiceProcess implements AutoCloseable {

    public final String name;
    public final int port;
    private final Process process;

    private ServiceProcess(String name, int port, Process process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    /** Starts with small test settings (256 MB heap, serial GC, C1 only): many processes start fast in CI. */
    public static ServiceProcess start(String name, Map<String, String> extraEnv) {
        return start(name, extraEnv, List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    }

    /** Starts with the given JVM options, e.g. production-like settings for a benchmark. */
    public static ServiceProcess start(String name, Map<String, String> extraEnv, List<String> jvmOptions) {
        return start(name, freePort(), extraEnv, jvmOptions);
    }

    /**
     * Starts on {@code port}: a service restarted on its old port is found again by the services that call it, as a
     * Kubernetes Service finds a restarted pod.
     */
    public static ServiceProcess start(String name, int port, Map<String, String> extraEnv, List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add("java");
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar(name).toString());
        try {
            ServiceProcess service = new ServiceProcess(name, port, builder(name, port, extraEnv, command).start());
            service.awaitReady(Duration.ofSeconds(90));
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The packaged service's runnable jar. */
    public static Path jar(String name) {
        Path jar = DevStack.root().resolve(("voice".equals(name) ? "voice-gateway" : "web".equals(name) ? "web-console"
                : name + "-service")
                + "/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " missing: run the whole build (mvn verify) so services are packaged first");
        }
        return jar;
    }

    /**
     * A process for {@code command} (a java command line running the service) configured the way
     * ./contact-center up configures the service, against its test database, output appended to its e2e log.
     */
    public static ProcessBuilder builder(String name, int port, Map<String, String> extraEnv, List<String> command)
            throws IOException {
        Path logs = DevStack.root().resolve("e2e-tests/target/e2e-logs");
        Files.createDirectories(logs);
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(name + ".log").toFile()));
        Map<String, String> env = pb.environment();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        if (!"web".equals(name)) { // the pages' server keeps no data
            env.put("CC_DB_NAME", "cc_" + name + "_test");
            env.put("QUARKUS_DATASOURCE_PASSWORD", DevStack.dbPassword(name));
        }
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", DevStack.publicKey().toString());
        env.put("KAFKA_BOOTSTRAP_SERVERS", DevStack.KAFKA_BOOTSTRAP);
        env.putAll(extraEnv);
        return pb;
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    public void awaitReady(Duration timeout) {
        Eventually.await(name + "-service ready (log: e2e-tests/target/e2e-logs/" + name + ".log)", timeout,
                Duration.ofMillis(200), () -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(name + "-service exited with " + process.exitValue()
                                + "; see e2e-tests/target/e2e-logs/" + name + ".log");
                    }
                    try {
                        HttpURLConnection c = (HttpURLConnection) URI.create(url("/q/health/ready")).toURL().openConnection();
                        c.setConnectTimeout(500);
                        c.setReadTimeout(3000);
                        return c.getResponseCode() == 200;
                    } catch (IOException notYet) {
                        return false; // still starting
                    }
                });
    }

    /** SIGKILL: no shutdown hooks, no graceful flush — a crash. */
    public void crash() {
        process.destroyForcibly();
        waitExit();
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** SIGSTOP: the process is frozen (no HTTP, no consumer heartbeats) until {@link #resume()}, like a stuck node. */
    public void pause() {
        signal("STOP");
    }

    /** SIGCONT after {@link #pause()}. */
    public void resume() {
        signal("CONT");
    }

    private void signal(String name) {
        try {
            int exit = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " exited with " + exit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Resident set size in KiB (Linux {@code /proc}), 0 once the process is gone. */
    public long rssKiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            return 0;
        } catch (IOException gone) {
            return 0;
        }
    }

    @Override
    public void close() {
        process.destroy();
        waitExit();
    }

    private void waitExit() {
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
