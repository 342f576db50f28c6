package io.contactcenter.simulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The facts a benchmark report needs about this machine, and CPU time per process from /proc. */
final class Machine {

    private static final double TICKS_PER_SECOND = 100.0;

    private Machine() {
    }

    static String describe() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
        } catch (IOException ignored) {
            // not Linux: the report says unknown
        }
        long memGiB = Runtime.getRuntime().maxMemory();
        try {
            memGiB = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024 / 1024).orElse(0L);
        } catch (IOException ignored) {
            // keep the JVM figure
        }
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + memGiB + " GiB RAM, "
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + ", Java "
                + System.getProperty("java.version");
    }

    /** CPU seconds (user + system) used so far by the processes whose command line contains {@code marker}. */
    static double cpuSeconds(String marker) {
        double total = 0;
        try (var dirs = Files.list(Path.of("/proc"))) {
            for (Path dir : dirs.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String cmd = new String(Files.readAllBytes(dir.resolve("cmdline"))).replace('\0', ' ');
                    if (!cmd.contains(marker)) {
                        continue;
                    }
                    String stat = Files.readString(dir.resolve("stat"));
                    total += cpuSecondsOfStat(stat);
                } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return total;
    }

    static double cpuSecondsOf(long pid) {
        try {
            return cpuSecondsOfStat(Files.readString(Path.of("/proc/" + pid + "/stat")));
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** CPU seconds the JVM {@code pid}'s JIT compiler threads have used (C1 and C2), from /proc/pid/task. */
    static double compilerCpuSecondsOf(long pid) {
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            return tasks.mapToDouble(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    if (!stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).contains("CompilerThre")) {
                        return 0;
                    }
                    return cpuSecondsOfStat(stat);
                } catch (IOException | RuntimeException e) {
                    return 0; // the thread ended meanwhile
                }
            }).sum();
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** User + system CPU seconds from a /proc stat line (fields 14 and 15; the name in parentheses may hold spaces). */
    private static double cpuSecondsOfStat(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
    }

    /** Idle CPU seconds of the whole machine so far, summed over its cores (the idle and iowait fields of /proc/stat). */
    static double idleSeconds() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            return (Long.parseLong(f[4]) + Long.parseLong(f[5])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    static List<String> processes() {
        return List.of("postgres", "kafka.Kafka");
    }
}
