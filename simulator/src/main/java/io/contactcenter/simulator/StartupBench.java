package io.contactcenter.simulator;

import io.contactcenter.devstack.DevStack;
import io.contactcenter.devstack.ServiceProcess;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Startup to ready and resident memory of each packaged service, side by side in one run: JDK 17, JDK 17 with an
 * AppCDS archive, JDK 25, JDK 25 with an AOT cache (JEP 483/514), and that with C1 only. Archives and caches come from
 * a training run of the same service (started until ready, then stopped). Ready = the first 200 from {@code /q/health/ready},
 * polled every 10 ms from the moment the process is spawned; RSS is read from /proc at that moment.
 */
public final class StartupBench {

    private static final List<String> SERVICES = List.of("routing", "ivr", "callback", "crm", "reporting");
    private static final List<String> HEAP = List.of("-Xmx320m", "-XX:+UseSerialGC");

    record Mode(String name, String java, List<String> training, List<String> run) {
    }

    record Sample(double readySeconds, double rssMiB) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = Bench.options(args);
        int runs = Integer.parseInt(opts.getOrDefault("runs", "3"));
        String jdk17 = opts.getOrDefault("jdk17", System.getProperty("java.home") + "/bin/java");
        String jdk25 = opts.getOrDefault("jdk25", "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
        Path out = DevStack.root().resolve(opts.getOrDefault("out", "bench/results/startup.md"));
        List<String> services = opts.containsKey("services") ? List.of(opts.get("services").split(",")) : SERVICES;
        Path work = Files.createTempDirectory("startup-bench");
        Bench.init();
        Map<String, Map<String, List<Sample>>> results = new LinkedHashMap<>();
        for (String service : services) {
            Path jsa = work.resolve(service + ".jsa");
            Path aot = work.resolve(service + ".aot");
            Path aotC1 = work.resolve(service + "-c1.aot");
            List<Mode> modes = List.of(
                    new Mode("JDK 17", jdk17, null, List.of()),
                    new Mode("JDK 17 + AppCDS", jdk17, List.of("-XX:ArchiveClassesAtExit=" + jsa), List.of("-XX:SharedArchiveFile=" + jsa)),
                    new Mode("JDK 25", jdk25, null, List.of()),
                    new Mode("JDK 25 + AOT cache", jdk25, List.of("-XX:AOTCacheOutput=" + aot), List.of("-XX:AOTCache=" + aot)),
                    // what the chart runs ivr and crm with: no C2 compiler competing with start-up for the cores
                    new Mode("JDK 25 + AOT cache, C1 only", jdk25, List.of("-XX:AOTCacheOutput=" + aotC1, "-XX:TieredStopAtLevel=1"),
                            List.of("-XX:AOTCache=" + aotC1, "-XX:TieredStopAtLevel=1")));
            Map<String, List<Sample>> perMode = new LinkedHashMap<>();
            for (Mode mode : modes) {
                if (mode.training() != null) {
                    start(service, mode.java(), mode.training(), true); // writes the archive/cache when it exits
                }
                List<Sample> samples = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    samples.add(start(service, mode.java(), mode.run(), false));
                }
                perMode.put(mode.name(), samples);
                System.out.printf(Locale.ROOT, "%-10s %-20s ready %s s, RSS %s MiB%n", service, mode.name(),
                        samples.stream().map(s -> String.format(Locale.ROOT, "%.2f", s.readySeconds())).toList(),
                        samples.stream().map(s -> String.format(Locale.ROOT, "%.0f", s.rssMiB())).toList());
            }
            results.put(service, perMode);
        }
        write(out, results, runs, jdk17, jdk25, String.join(" ", args));
        System.out.println("wrote " + out);
        System.exit(0);
    }

    private static Sample start(String service, String java, List<String> extra, boolean training) throws Exception {
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(HEAP);
        command.addAll(extra);
        command.add("-jar");
        command.add(ServiceProcess.jar(service).toString());
        int port = ServiceProcess.freePort();
        long started = System.nanoTime();
        Process p = ServiceProcess.builder(service, port, Map.of(), command).start();
        try {
            while (!ready(port)) {
                if (!p.isAlive()) {
                    throw new IllegalStateException(service + " exited with " + p.exitValue() + " (" + command + ")");
                }
                if (System.nanoTime() - started > TimeUnit.SECONDS.toNanos(120)) {
                    throw new IllegalStateException(service + " not ready after 120 s");
                }
                Thread.sleep(10);
            }
            double ready = (System.nanoTime() - started) / 1e9;
            return new Sample(ready, rssMiB(p.pid()));
        } finally {
            p.destroy(); // SIGTERM: a training run writes its archive on the way out
            if (!p.waitFor(training ? 120 : 30, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        }
    }

    private static boolean ready(int port) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://localhost:" + port + "/q/health/ready").toURL().openConnection();
            c.setConnectTimeout(100);
            c.setReadTimeout(2000);
            return c.getResponseCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static double rssMiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    private static double median(List<Sample> samples, boolean ready) {
        double[] v = samples.stream().mapToDouble(s -> ready ? s.readySeconds() : s.rssMiB()).sorted().toArray();
        return Stats.percentile(v, 50);
    }

    private static void write(Path out, Map<String, Map<String, List<Sample>>> results, int runs, String jdk17, String jdk25,
            String args) throws IOException {
        StringBuilder md = new StringBuilder("# Startup to ready and memory per service\n\n");
        md.append("Generated by `./contact-center bench startup").append(args.isBlank() ? "" : " " + args).append("` on ")
                .append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append(".\n\n");
        md.append("- Machine: ").append(Machine.describe()).append("\n");
        md.append("- JVMs: `").append(jdk17).append("` and `").append(jdk25).append("`, each with `")
                .append(String.join(" ", HEAP)).append("`; the packaged `quarkus-run.jar` (fast-jar) of each service,"
                        + " against the local PostgreSQL (Flyway validates the schema) and Kafka, as `./contact-center up`"
                        + " runs them.\n");
        md.append("- Ready: process spawn → first 200 from `/q/health/ready` (database and broker checks included), polled"
                + " every 10 ms. RSS: `VmRSS` at that moment. ").append(runs).append(" starts per mode; median (min–max).\n");
        md.append("- AppCDS: a dynamic archive written by a training run (`-XX:ArchiveClassesAtExit`), used with"
                + " `-XX:SharedArchiveFile`. AOT cache: a training run with `-XX:AOTCacheOutput`, used with `-XX:AOTCache`"
                + " (JDK 25, JEP 483/514). Training runs start the service until ready and stop it.\n");
        md.append("- Goal (issue 8): ready ≤ 1.5 s and RSS ≤ 200 MB per service.\n\n");
        md.append("| service | mode | ready s (median) | min–max s | vs JDK 17 | RSS MiB (median) | goal |\n|---|---|---|---|---|---|---|\n");
        for (var service : results.entrySet()) {
            double base = median(service.getValue().get("JDK 17"), true);
            for (var mode : service.getValue().entrySet()) {
                double ready = median(mode.getValue(), true);
                double rss = median(mode.getValue(), false);
                double[] all = mode.getValue().stream().mapToDouble(Sample::readySeconds).sorted().toArray();
                md.append(String.format(Locale.ROOT, "| %s | %s | %.2f | %.2f–%.2f | %.2f× | %.0f | %s |%n", service.getKey(),
                        mode.getKey(), ready, all[0], all[all.length - 1], ready / base, rss,
                        ready <= 1.5 && rss <= 200 ? "met" : "missed"));
            }
        }
        md.append("\n<details><summary>raw samples (ready s / RSS MiB)</summary>\n\n");
        for (var service : results.entrySet()) {
            for (var mode : service.getValue().entrySet()) {
                md.append("- ").append(service.getKey()).append(", ").append(mode.getKey()).append(": ")
                        .append(Arrays.toString(mode.getValue().stream().map(s -> String.format(Locale.ROOT, "%.3f/%.0f",
                                s.readySeconds(), s.rssMiB())).toArray())).append("\n");
            }
        }
        md.append("</details>\n");
        Bench.write(out, md.toString());
    }
}
