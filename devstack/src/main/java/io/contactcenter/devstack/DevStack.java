package io.contactcenter.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the local stack lives and whether its parts are up; the {@code contact-center} script starts them. */
public final class DevStack {

    /**
     * The tests' and benchmarks' own broker ({@code ./contact-center test-infra}), never the dev broker behind
     * {@code up} and {@code demo}: port {@code CC_TEST_KAFKA_PORT}, 19092 unless set. Not a compile-time
     * constant, so a changed port reaches classes compiled against this one.
     */
    public static final String KAFKA_BOOTSTRAP = testBootstrap();

    private static String testBootstrap() {
        String port = System.getenv("CC_TEST_KAFKA_PORT");
        return "localhost:" + (port == null || port.isBlank() ? "19092" : port.trim());
    }

    private DevStack() {
    }

    /** The repository root: {@code -Dcc.root} (set by the build) or the nearest parent holding the script. */
    public static Path root() {
        String configured = System.getProperty("cc.root");
        if (configured != null && Files.exists(Path.of(configured, "contact-center"))) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isExecutable(p.resolve("contact-center"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the contact-center script above " + Path.of("").toAbsolutePath());
    }

    public static boolean portOpen(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs {@code ./contact-center <args>} and fails if it fails; output goes to this process's stderr. */
    public static void script(String... args) {
        String[] cmd = new String[args.length + 1];
        cmd[0] = root().resolve("contact-center").toString();
        System.arraycopy(args, 0, cmd, 1, args.length);
        try {
            Process p = new ProcessBuilder(cmd).directory(root().toFile())
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            int exit = p.waitFor();
            if (exit != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " exited with " + exit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean infraChecked;

    /**
     * Runs {@code ./contact-center test-infra} once per JVM: starts PostgreSQL and the tests' Kafka broker if stopped, creates roles
     * and databases, and (re)sets each role's password to this checkout's secret, so two checkouts on one
     * machine never test with each other's stale password. Idempotent and quick when all is up.
     */
    public static synchronized void ensureInfra() {
        if (!infraChecked) {
            script("test-infra");
            infraChecked = true;
        }
    }

    public static String dbPassword(String service) {
        try {
            return Files.readString(root().resolve(".run/secrets/db-" + service + ".password")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("no database secret for " + service + "; run ./contact-center infra", e);
        }
    }

    public static Path publicKey() {
        return root().resolve(".run/keys/jwt-public.pem");
    }

    public static Path privateKey() {
        return root().resolve(".run/keys/jwt-private.pem");
    }
}
