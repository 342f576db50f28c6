package io.contactcenter.simulator;

import io.contactcenter.devstack.DevStack;
import io.contactcenter.devstack.ServiceProcess;
import io.contactcenter.devstack.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IVR step latency: the shipped after-sales flow answering calls from the telephony edge (wrk), with the real
 * crm-service looking up every caller. A step is one edge request (a new call, or a caller's keys) answered with the
 * next actions. Baseline in the same run: the CRM lookup alone at the same rate.
 */
public final class IvrBench {

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = Bench.options(args);
        int rate = Integer.parseInt(opts.getOrDefault("rate", "500"));
        int seconds = Integer.parseInt(opts.getOrDefault("seconds", "60"));
        int connections = Integer.parseInt(opts.getOrDefault("connections", "10"));
        int warmup = Integer.parseInt(opts.getOrDefault("warmup", "30"));
        // more JVM options for both services (space-separated), as the chart's services.<svc>.javaOptions would add
        List<String> jvm = new ArrayList<>(List.of("-Xmx512m", "-XX:+UseG1GC"));
        jvm.addAll(Bench.jvmOptions(opts));
        Path out = DevStack.root().resolve(opts.getOrDefault("out", "bench/results/ivr.md"));
        Path work = Files.createTempDirectory("ivr-bench");
        Bench.init();
        String md;
        String serviceToken = Tokens.bearer("service").substring("Bearer ".length());
        // both consume topics: crm projects every contact's history, ivr hears answers
        String run = Long.toString(System.currentTimeMillis(), 36);
        try (ServiceProcess crm = ServiceProcess.start("crm", Bench.fromTheEnd("crm-bench-" + run, Map.of()), jvm);
                ServiceProcess ivr = ServiceProcess.start("ivr", Bench.fromTheEnd("ivr-bench-" + run, Map.of("CC_IVR_CRM_URL",
                        crm.url("").replaceAll("/$", ""), "CC_IVR_SERVICE_TOKEN", serviceToken)), jvm)) {
            HttpClient http = HttpClient.newHttpClient();
            // 1,000 callers the CRM knows, one in ten a VIP
            StringBuilder csv = new StringBuilder("displayName,segment,phones\n");
            for (int i = 0; i < 1000; i++) {
                csv.append("Caller ").append(i).append(',').append(i % 10 == 0 ? "VIP" : "STANDARD").append(",+4930")
                        .append(50_000_000 + i).append('\n');
            }
            send(http, HttpRequest.newBuilder(URI.create(crm.url("/crm/customers/import"))).header("Content-Type", "text/csv")
                    .header("Authorization", Tokens.bearer("admin")).POST(HttpRequest.BodyPublishers.ofString(csv.toString())));
            send(http, HttpRequest.newBuilder(URI.create(ivr.url("/ivr/numbers/+4940990000000")))
                    .header("Content-Type", "application/json").header("Authorization", Tokens.bearer("admin"))
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"flowId\":\"after-sales\"}")));
            Path script = work.resolve("ivr.lua");
            Files.writeString(script, """
                    local token = os.getenv("CC_TOKEN")
                    local pause = tonumber(os.getenv("CC_DELAY_MS"))
                    local counter = 0
                    local threads = 0
                    setup = function(thread) thread:set("tid", threads); threads = threads + 1 end
                    init = function(args) state = 0; session = nil; n = 0; math.randomseed(os.time() * 100 + tid) end
                    local headers = {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"}
                    request = function()
                      if state == 0 then
                        n = n + 1
                        local body = '{"callId":"bench-' .. tid .. '-' .. n .. '-' .. math.random(1, 1000000000) ..
                          '","from":"+4930' .. (50000000 + math.random(0, 999)) .. '","to":"+4940990000000"}'
                        return wrk.format("POST", "/ivr/calls", headers, body)
                      elseif state == 1 then
                        return wrk.format("POST", "/ivr/calls/" .. session .. "/events", headers, '{"type":"digits","digits":"1"}')
                      else
                        return wrk.format("POST", "/ivr/calls/" .. session .. "/events", headers, '{"type":"digits","digits":"12345678#"}')
                      end
                    end
                    response = function(status, headers, body)
                      if status ~= 200 then print("status " .. status .. " " .. body); state = 0; return end
                      if state == 0 then
                        session = string.match(body, '"sessionId":"([^"]+)"')
                        if string.find(body, '"state":"QUEUED"') then state = 0 else state = 1 end
                      elseif state == 1 then state = 2
                      else state = 0 end
                    end
                    delay = function() return pause end
                    """);
            wrk(ivr.url("/"), script, serviceToken, rate, connections, warmup); // JIT, pools; not reported
            CrmBench.Wrk steps = wrk(ivr.url("/"), script, serviceToken, rate, connections, seconds);
            Path lookup = work.resolve("lookup.lua");
            Files.writeString(lookup, """
                    local token = os.getenv("CC_TOKEN")
                    local pause = tonumber(os.getenv("CC_DELAY_MS"))
                    request = function()
                      return wrk.format("GET", "/crm/customers/lookup?phone=%2B4930" .. (50000000 + math.random(0, 999)),
                        {["Authorization"] = "Bearer " .. token})
                    end
                    delay = function() return pause end
                    """);
            CrmBench.Wrk base = wrk(crm.url("/"), lookup, serviceToken, rate, connections, Math.max(20, seconds / 2));
            md = "# IVR benchmark\n\n"
                    + "Generated by `./contact-center bench ivr" + (args.length == 0 ? "" : " " + String.join(" ", args))
                    + "` on " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + ".\n\n"
                    + "- Machine: " + Machine.describe() + "\n"
                    + "- Setup: ivr-service and crm-service (each JVM `" + String.join(" ", jvm) + "`), PostgreSQL and Kafka local,"
                    + " wrk (Debian package) on the same 2-core machine. The shipped `after-sales` flow; 1,000 callers known to"
                    + " the CRM (10 % VIP). Each wrk connection plays calls: a new call (welcome, CRM lookup over HTTP, branch,"
                    + " hours, main menu), then key 1 (fault report), then the serial number (enqueue to routing with hold"
                    + " treatment); VIP calls are enqueued on the first step. Every step writes the session and its events"
                    + " (node entered, completed, routing.enqueue) through the outbox.\n\n"
                    + String.format(Locale.ROOT, "%d connections (one call at a time each) paced to about %d steps/s for %d s, after a %d s warm-up.%n%n", connections, rate, seconds, warmup)
                    + "| load | requests | req/s | errors | p50 ms | p75 ms | p90 ms | p99 ms | max ms |\n"
                    + "|---|---|---|---|---|---|---|---|---|\n"
                    + String.format(Locale.ROOT, "| **IVR steps (CRM lookup in the path)** | %d | %.0f | %d | %.2f | %.2f | %.2f | **%.2f** | %.2f |%n",
                            steps.requests(), steps.requestsPerSecond(), steps.errors(), steps.p50(), steps.p75(), steps.p90(),
                            steps.p99(), steps.max())
                    + String.format(Locale.ROOT, "| baseline: CRM lookup alone | %d | %.0f | %d | %.2f | %.2f | %.2f | %.2f | %.2f |%n",
                            base.requests(), base.requestsPerSecond(), base.errors(), base.p50(), base.p75(), base.p90(),
                            base.p99(), base.max())
                    + String.format(Locale.ROOT, "%nTarget p99 ≤ 10 ms: **%s** (p99 %.2f ms). Ratio IVR step ÷ CRM lookup: p50 %.1f×,"
                            + " p99 %.1f×.%n", steps.p99() <= 10 ? "met" : "missed", steps.p99(), steps.p50() / base.p50(),
                            steps.p99() / base.p99())
                    + "\n<details><summary>raw wrk output</summary>\n\n```\n" + steps.raw().strip() + "\n```\n</details>\n";
        }
        Bench.write(out, md);
        System.out.print(md);
        System.exit(0);
    }

    private static void send(HttpClient http, HttpRequest.Builder request) throws Exception {
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(request.build().uri() + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    private static CrmBench.Wrk wrk(String url, Path script, String token, int rate, int connections, int seconds)
            throws Exception {
        // one connection per wrk thread: the script keeps one call's state per thread (Lua state is per thread)
        ProcessBuilder pb = new ProcessBuilder("wrk", "-t" + connections, "-c" + connections, "-d" + seconds + "s", "--latency",
                "-s", script.toString(), url).redirectErrorStream(true);
        pb.environment().put("CC_TOKEN", token);
        pb.environment().put("CC_DELAY_MS", String.valueOf(Math.max(0, connections * 1000 / rate - 1)));
        Process p = pb.start();
        String raw = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return CrmBench.parse(raw);
    }
}
