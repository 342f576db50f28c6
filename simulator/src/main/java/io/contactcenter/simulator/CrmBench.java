package io.contactcenter.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.devstack.DevStack;
import io.contactcenter.devstack.ServiceProcess;
import io.contactcenter.devstack.Tokens;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CRM benchmark: imports N customers (default 1,000,000) through the streaming CSV endpoint, seeds a contact
 * history and open cases for a share of them, then drives caller lookups with wrk at a fixed rate (default
 * 500/s) and, as the baseline, the bare primary-key read of the same numbers with pgbench at the same rate.
 */
public final class CrmBench {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = Bench.options(args);
        int customers = Integer.parseInt(opts.getOrDefault("customers", "1000000"));
        int rate = Integer.parseInt(opts.getOrDefault("rate", "500"));
        int seconds = Integer.parseInt(opts.getOrDefault("seconds", "60"));
        int connections = Integer.parseInt(opts.getOrDefault("connections", "10"));
        Path out = DevStack.root().resolve(opts.getOrDefault("out", "bench/results/crm.md"));
        Path work = Files.createTempDirectory("crm-bench");
        Bench.init();

        Path csv = work.resolve("customers.csv");
        writeCsv(csv, customers);
        String md;
        try (ServiceProcess crm = ServiceProcess.start("crm",
                Bench.fromTheEnd("crm-bench-" + System.currentTimeMillis(), Map.of()),
                List.of("-Xmx1g", "-XX:+UseG1GC"))) {
            psql("truncate crm_recording, crm_case_event, crm_case, crm_partner, crm_interaction, crm_phone, crm_customer,"
                    + " cc_outbox");
            HttpClient http = HttpClient.newHttpClient();
            long t0 = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(crm.url("/crm/customers/import")))
                    .header("Authorization", Tokens.bearer("admin")).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofFile(csv)).build(), HttpResponse.BodyHandlers.ofString());
            double importSeconds = (System.nanoTime() - t0) / 1e9;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("import answered " + response.statusCode() + ": " + response.body());
            }
            JsonNode report = MAPPER.readTree(response.body());
            long imported = report.get("imported").asLong();
            System.out.printf(Locale.ROOT, "imported %d customers in %.1f s (%.0f rows/s), %d rejected%n", imported,
                    importSeconds, imported / importSeconds, report.get("rejected").asLong());

            int withHistory = Math.max(1, customers * 3 / 10);
            long s0 = System.nanoTime();
            psql(seedSql(withHistory));
            double seedSeconds = (System.nanoTime() - s0) / 1e9;

            String token = Tokens.bearer("telephony");
            // warm-up: JIT and connection pool, not measured
            Wrk warm = wrk(crm, token, customers, rate, connections, 15, work);
            Wrk lookups = wrk(crm, token, customers, rate, connections, seconds, work);
            Pgbench baseline = pgbench(customers, rate, seconds, work);
            md = report(args, customers, imported, report.get("rejected").asLong(), importSeconds, withHistory, seedSeconds,
                    rate, connections, seconds, warm, lookups, baseline, csv);
        }
        Bench.write(out, md);
        System.out.print(md);
        System.exit(0);
    }

    private static void writeCsv(Path csv, int n) throws IOException {
        String[] cars = {"Volvo", "Volkswagen", "BMW", "Toyota", "Renault", "Skoda"};
        String[] tyres = {"Nokian", "Michelin", "Continental", "Pirelli"};
        try (BufferedWriter w = Files.newBufferedWriter(csv)) {
            w.write("displayName,email,language,segment,loyaltyTier,phones,region,doNotCall,carBrand,tyreBrand,websiteVisits\n");
            for (int i = 0; i < n; i++) {
                String segment = i % 20 == 0 ? "VIP" : i % 10 == 1 ? "NEW" : "STANDARD";
                w.write("Customer " + i + ",c" + i + "@example.org,de," + segment + "," + (i % 7 == 0 ? "GOLD" : "")
                        + "," + phone(i) + ",DE," + (i % 50 == 0) + "," + cars[i % cars.length] + "," + tyres[i % tyres.length]
                        + "," + (i % 37) + "\n");
            }
        }
    }

    static String phone(int i) {
        return "+4930" + (10_000_000 + i);
    }

    /** Five past contacts each (spread over 40 days, 10 % abandoned) for the first customers, and an open case for a third of those. */
    private static String seedSql(int withHistory) {
        return """
                create temporary table bench_customer as
                  select c.id, row_number() over (order by p.phone) as rn from crm_customer c
                  join crm_phone p on p.customer_id = c.id;
                create index on bench_customer (rn);
                insert into crm_interaction (id, kind, customer_id, channel, queue_id, agent_id, issue, started_at, ended_at,
                    outcome, wait_seconds, handle_seconds, transfers, updated_at)
                  select 'bench-' || g, 'CONTACT', b.id, 'VOICE', 'support', 'agent-' || (g %% 200), 'queue:support',
                    now() - (g %% 40) * interval '1 day' - (g %% 86400) * interval '1 second',
                    now() - (g %% 40) * interval '1 day' - (g %% 86400) * interval '1 second' + interval '5 minutes',
                    case when g %% 10 = 0 then 'ABANDONED' else 'COMPLETED' end, g %% 300, 180 + g %% 400, (g %% 7) / 6, now()
                  from generate_series(0, %d * 5 - 1) g join bench_customer b on b.rn = g %% %d + 1;
                insert into crm_case (id, customer_id, category, priority, subject, status, sla_due_at, created_at, updated_at)
                  select 'bench-case-' || b.rn, b.id, case when b.rn %% 5 = 0 then 'COMPLAINT' else 'FAULT_REPORT' end, 'NORMAL',
                    'Bench case', 'REGISTERED', now() + (b.rn %% 100 - 20) * interval '1 hour', now(), now()
                  from bench_customer b where b.rn <= %d / 3;
                analyze crm_customer; analyze crm_phone; analyze crm_interaction; analyze crm_case;
                """.formatted(withHistory, withHistory, withHistory);
    }

    private static void psql(String sql) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("psql", "-h", "localhost", "-U", "cc_crm", "-d", "cc_crm_test", "-q",
                "-v", "ON_ERROR_STOP=1", "-c", sql).inheritIO();
        pb.environment().put("PGPASSWORD", DevStack.dbPassword("crm"));
        if (pb.start().waitFor() != 0) {
            throw new IllegalStateException("psql failed: " + sql.lines().findFirst().orElse(""));
        }
    }

    record Wrk(double requestsPerSecond, long requests, long errors, double p50, double p75, double p90, double p99,
            double max, String raw) {
    }

    /** wrk paces each connection with a delay so the total rate is about {@code rate} per second. */
    private static Wrk wrk(ServiceProcess crm, String token, int customers, int rate, int connections, int seconds, Path work)
            throws IOException, InterruptedException {
        Path script = work.resolve("lookup.lua");
        Files.writeString(script, """
                local n = tonumber(os.getenv("CC_CUSTOMERS"))
                local token = os.getenv("CC_TOKEN")
                local pause = tonumber(os.getenv("CC_DELAY_MS"))
                local counter = 0
                setup = function(thread) thread:set("id", counter); counter = counter + 1 end
                init = function(args) math.randomseed(os.time() * 1000 + id) end
                request = function()
                  local phone = "%2B4930" .. (10000000 + math.random(0, n - 1))
                  return wrk.format("GET", "/crm/customers/lookup?phone=" .. phone, {["Authorization"] = token})
                end
                delay = function() return pause end
                response = function(status, headers, body)
                  if status ~= 200 then print("status " .. status) end
                end
                """);
        ProcessBuilder pb = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency",
                "-s", script.toString(), crm.url("/")).redirectErrorStream(true);
        pb.environment().put("CC_CUSTOMERS", String.valueOf(customers));
        pb.environment().put("CC_TOKEN", token);
        // each connection waits this long after every response: connections × 1000 / delay ≈ rate
        pb.environment().put("CC_DELAY_MS", String.valueOf(Math.max(0, connections * 1000 / rate - 1)));
        Process p = pb.start();
        String raw = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return parse(raw);
    }

    /** Requests, rate, non-2xx count and latency distribution from wrk's {@code --latency} output. */
    static Wrk parse(String raw) {
        Map<String, Double> dist = new HashMap<>();
        Matcher m = Pattern.compile("(?m)^\\s+(50|75|90|99)%\\s+([\\d.]+)(us|ms|s)\\s*$").matcher(raw);
        while (m.find()) {
            dist.put(m.group(1), millis(m.group(2), m.group(3)));
        }
        Matcher max = Pattern.compile("(?m)^\\s+Latency\\s+\\S+\\s+\\S+\\s+([\\d.]+)(us|ms|s)").matcher(raw);
        Matcher rps = Pattern.compile("Requests/sec:\\s+([\\d.]+)").matcher(raw);
        Matcher total = Pattern.compile("(\\d+) requests in").matcher(raw);
        Matcher non2xx = Pattern.compile("Non-2xx or 3xx responses: (\\d+)").matcher(raw);
        if (!rps.find() || !total.find() || !max.find() || dist.size() < 4) {
            throw new IllegalStateException("unexpected wrk output:\n" + raw);
        }
        return new Wrk(Double.parseDouble(rps.group(1)), Long.parseLong(total.group(1)),
                non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0, dist.get("50"), dist.get("75"), dist.get("90"),
                dist.get("99"), millis(max.group(1), max.group(2)), raw);
    }

    private static double millis(String value, String unit) {
        double v = Double.parseDouble(value);
        return switch (unit) {
            case "us" -> v / 1000;
            case "s" -> v * 1000;
            default -> v;
        };
    }

    record Pgbench(long transactions, double p50, double p99, double max) {
    }

    /** The floor: the same numbers read by primary key straight from PostgreSQL, at the same rate. */
    private static Pgbench pgbench(int customers, int rate, int seconds, Path work) throws IOException, InterruptedException {
        Path script = work.resolve("lookup.sql");
        Files.writeString(script, "\\set n random(0, " + (customers - 1) + ")\n"
                + "select c.* from crm_phone p join crm_customer c on c.id = p.customer_id"
                + " where p.phone = '+4930' || (10000000 + :n);\n");
        Path logs = work.resolve("pgbench");
        Files.createDirectories(logs);
        ProcessBuilder pb = new ProcessBuilder("pgbench", "-h", "localhost", "-U", "cc_crm", "-n", "-M", "prepared",
                "-R", String.valueOf(rate), "-T", String.valueOf(seconds), "-c", "4", "-j", "2", "-f", script.toString(),
                "-l", "--log-prefix=" + logs.resolve("log"), "cc_crm_test").redirectErrorStream(true);
        pb.environment().put("PGPASSWORD", DevStack.dbPassword("crm"));
        Process p = pb.start();
        String raw = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("pgbench failed:\n" + raw);
        }
        List<Double> latencies = new ArrayList<>();
        try (var files = Files.list(logs)) {
            for (Path f : files.toList()) {
                for (String line : Files.readAllLines(f)) {
                    latencies.add(Long.parseLong(line.split(" ")[2]) / 1000.0);
                }
            }
        }
        double[] sorted = Stats.sorted(latencies);
        return new Pgbench(sorted.length, Stats.percentile(sorted, 50), Stats.percentile(sorted, 99),
                Stats.percentile(sorted, 100));
    }

    private static String report(String[] args, int customers, long imported, long rejected, double importSeconds,
            int withHistory, double seedSeconds, int rate, int connections, int seconds, Wrk warm, Wrk w, Pgbench b, Path csv)
            throws IOException {
        return "# CRM benchmark\n\n"
                + "Generated by `./contact-center bench crm" + (args.length == 0 ? "" : " " + String.join(" ", args))
                + "` on " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + ".\n\n"
                + "- Machine: " + Machine.describe() + "\n"
                + "- Setup: one crm-service (JVM `-Xmx1g -XX:+UseG1GC`) on local PostgreSQL 15; wrk (Debian package) and"
                + " pgbench on the same 2-core machine, so the load generator competes with the service for CPU.\n"
                + String.format(Locale.ROOT, "- Data: %,d customers imported (CSV of %,d bytes, 11 columns incl. 3 custom"
                        + " attributes); then %,d past contacts for %,d customers (5 each over 40 days) and %,d open cases,"
                        + " seeded with SQL in %.1f s.%n", imported, Files.size(csv), withHistory * 5L, withHistory,
                        withHistory / 3, seedSeconds)
                + "\n## Import\n\n| rows | imported | rejected | seconds | rows/s |\n|---|---|---|---|---|\n"
                + String.format(Locale.ROOT, "| %d | %d | %d | %.1f | %.0f |%n", customers, imported, rejected, importSeconds,
                        imported / importSeconds)
                + "\n## Caller lookup at a fixed rate\n\n"
                + String.format(Locale.ROOT, "`GET /crm/customers/lookup?phone=` for uniformly random numbers of the %,d"
                        + " customers (every call a hit; 30 %% of them have history, 10 %% an open case), %d connections paced"
                        + " to about %d requests/s, %d s after a 15 s warm-up. Baseline in the same run: pgbench reading the"
                        + " customer by phone (primary key, prepared) at %d transactions/s.%n%n", customers, connections, rate,
                        seconds, rate)
                + "| load | requests | req/s | errors | p50 ms | p75 ms | p90 ms | p99 ms | max ms |\n"
                + "|---|---|---|---|---|---|---|---|---|\n"
                + String.format(Locale.ROOT, "| warm-up lookup | %d | %.0f | %d | %.2f | %.2f | %.2f | %.2f | %.2f |%n",
                        warm.requests(), warm.requestsPerSecond(), warm.errors(), warm.p50(), warm.p75(), warm.p90(),
                        warm.p99(), warm.max())
                + String.format(Locale.ROOT, "| **lookup with context** | %d | %.0f | %d | %.2f | %.2f | %.2f | **%.2f** | %.2f |%n",
                        w.requests(), w.requestsPerSecond(), w.errors(), w.p50(), w.p75(), w.p90(), w.p99(), w.max())
                + String.format(Locale.ROOT, "| baseline: SQL primary-key read | %d | %.0f | 0 | %.2f | | | %.2f | %.2f |%n",
                        b.transactions(), b.transactions() / (double) seconds, b.p50(), b.p99(), b.max())
                + String.format(Locale.ROOT, "%nTarget p99 ≤ 5 ms: **%s** (p99 %.2f ms). Ratio lookup ÷ baseline: p50 %.1f×,"
                        + " p99 %.1f×.%n", w.p99() <= 5 ? "met" : "missed", w.p99(), w.p50() / b.p50(), w.p99() / b.p99())
                + "\n<details><summary>raw wrk output</summary>\n\n```\n" + w.raw().strip() + "\n```\n</details>\n";
    }
}
