package io.contactcenter.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactcenter.simulator.traffic.AfterSalesCenter;
import io.contactcenter.simulator.traffic.Api;
import io.contactcenter.simulator.traffic.DigitalCenter;
import io.contactcenter.simulator.traffic.Traffic;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./contact-center demo}: with the suite up on its local ports, provisions the after-sales center, runs a
 * few minutes of calls through the IVR with a live progress line, then prints reporting-service's summary per queue
 * and the wallboard URL.
 */
public final class Demo {

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = Bench.options(args);
        int seconds = Integer.parseInt(opts.getOrDefault("seconds", "180"));
        double rate = Double.parseDouble(opts.getOrDefault("rate", "0.8"));
        double aht = Double.parseDouble(opts.getOrDefault("aht", "12"));
        double patience = Double.parseDouble(opts.getOrDefault("patience", "30"));
        long seed = Long.parseLong(opts.getOrDefault("seed", "7"));
        double chats = Double.parseDouble(opts.getOrDefault("chats", "0.12"));
        double emails = Double.parseDouble(opts.getOrDefault("emails", "0.04"));
        int smtpPort = Integer.parseInt(opts.getOrDefault("smtp-port", "3025"));
        String mailbox = opts.getOrDefault("mailbox", "support@contact-center.local");
        Bench.devTokens();

        Api api = Api.local();
        System.out.println("Provisioning the after-sales center: 4 queues, 14 agents in 3 teams, callback policies,"
                + " 40 customers, +4940990000000 → flow 'after-sales'");
        AfterSalesCenter.Provisioned center = AfterSalesCenter.provision(api, "demo-", 10_000_000, "+4940990000000", 40, 3, 8);
        Traffic.Plan plan = new Traffic.Plan(List.of(Traffic.Stream.ivr(center.ivrNumber(), rate)), center.agents(), aht,
                Traffic.Handling.LOG_NORMAL, 0.6, patience, 0.03, 0.02, 0.5, 5, Traffic.RateProfile.DAY,
                center.customerNumbers(), seed);
        System.out.println("Provisioning the written channels: queues chat and email, a digital team of 4 (3 chats and"
                + " 4 e-mails each at once)");
        DigitalCenter digital = DigitalCenter.provision(api, "http://localhost:8088", "demo-", 4, List.of(), seed);
        Instant started = Instant.now();
        boolean terminal = System.console() != null;
        try (Traffic traffic = new Traffic(api, plan, false); digital) {
            traffic.startDesks();
            digital.startDesks();
            Thread written = new Thread(() -> digital.run(Duration.ofSeconds(seconds), chats, emails, "127.0.0.1", smtpPort,
                    mailbox), "written-channels");
            written.start();
            System.out.printf(Locale.ROOT, "Chats and e-mails for %d s: about %.2f chats/s through the widget's API and %.2f"
                    + " e-mails/s to %s%n", seconds, chats, emails, mailbox);
            System.out.printf(Locale.ROOT, "Calling for %d s: about %.1f calls/s through the IVR (a day's shape), AHT %.0f s,"
                    + " mean patience %.0f s%n", seconds, rate, aht, patience);
            traffic.run(Duration.ofSeconds(seconds), Duration.ofSeconds(terminal ? 1 : 10), t -> progress(t, terminal));
            System.out.print(terminal ? "\r" : "");
            System.out.println("Last calls arrived; waiting for the callers still on hold");
            traffic.finish(Duration.ofSeconds((long) (patience * 6 + aht * 6)));
            written.join();
            digital.finish(Duration.ofSeconds(90));
            progress(traffic, false);
            Traffic.Counters c = traffic.counters();
            System.out.printf(Locale.ROOT, "%nThe simulator's callers: %d calls, %d ended in the IVR (self-service, messages,"
                    + " callbacks booked), %d queued, %d answered, %d hung up waiting, %d returned calls answered, %d surveys,"
                    + " %d offers rejected, %d rung out, %d errors%n", c.arrived.get(), c.endedInIvr.get(), c.enqueued.get(),
                    c.answered.get() - c.returnedCalls.get(), c.abandoned.get(), c.callbacksAnswered.get(), c.surveys.get(),
                    c.rejects.get(), c.ringOuts.get(), c.errors.get());
            DigitalCenter.Counters d = digital.counters();
            System.out.printf(Locale.ROOT, "The written channels: %d chats and %d e-mails arrived, %d conversations accepted by"
                    + " the digital team, %d replies, %d completed, %d customer messages, %d errors%n", d.chats.get(),
                    d.emails.get(), d.accepted.get(), d.replies.get(), d.completed.get(), d.customerMessages.get(),
                    d.errors.get());
        }
        Thread.sleep(3000); // the read model trails the last events by a moment
        summary(api, started);
        System.out.println("\nWallboard: http://localhost:8085/wallboard/#token="
                + api.token("supervisor", "demo-supervisor").substring("Bearer ".length()));
        System.out.println("Stop the suite with ./contact-center down");
        System.exit(0);
    }

    private static void progress(Traffic t, boolean terminal) {
        Traffic.Counters c = t.counters();
        String line = String.format(Locale.ROOT, "%4.0f s  calls %d  in IVR/holding %d  answered %d  abandoned %d"
                        + "  returned %d  completed %d  errors %d", t.now(), c.arrived.get(),
                c.arrived.get() - c.finished.get(), c.answered.get(), c.abandoned.get(), c.returnedCalls.get(),
                c.completed.get(), c.errors.get());
        if (terminal) {
            System.out.print("\r" + line + "   ");
        } else {
            System.out.println(line);
        }
    }

    /** Today's figures per queue as reporting-service defines them (UTC day). */
    private static void summary(Api api, Instant started) {
        Instant from = started.truncatedTo(ChronoUnit.DAYS);
        Instant to = from.plus(1, ChronoUnit.DAYS);
        String supervisor = api.token("supervisor", "demo-supervisor");
        System.out.println("\nToday (UTC) per queue, from reporting-service (service level = answered within 20 s ÷ offered):");
        System.out.printf("%-11s %8s %8s %9s %6s %7s %7s %10s %10s %6s%n", "queue", "offered", "answered", "abandoned",
                "SL", "ASA s", "AHT s", "callbacks", "returned", "CSAT");
        System.out.println("\nToday (UTC) per written channel (first response = opening to the agent's first message;"
                + " resolution = entering the queue to completion):");
        System.out.printf("%-8s %8s %8s %16s %14s%n", "channel", "offered", "answered", "first response s", "resolution s");
        for (String channel : List.of("CHAT", "EMAIL", "SMS")) {
            JsonNode report = api.call("reporting", "GET", "/reports/channels/" + channel + "/intervals?interval=P1D&from=" + from
                    + "&to=" + to, supervisor, null);
            for (JsonNode row : report.path("rows")) {
                System.out.printf(Locale.ROOT, "%-8s %8d %8d %16s %14s%n", channel, row.path("offered").asLong(),
                        row.path("answered").asLong(), number(row.path("averageFirstResponseSeconds")),
                        number(row.path("averageResolutionSeconds")));
            }
        }
        System.out.println();
        for (String queue : AfterSalesCenter.QUEUES) {
            JsonNode report = api.call("reporting", "GET", "/reports/queues/" + queue + "/intervals?interval=P1D&from=" + from
                    + "&to=" + to, supervisor, null);
            for (JsonNode row : report.path("rows")) {
                System.out.printf(Locale.ROOT, "%-11s %8d %8d %9d %6s %7s %7s %10d %10d %6s%n", queue, row.path("offered").asLong(),
                        row.path("answered").asLong(), row.path("abandoned").asLong(), percent(row.path("serviceLevel")),
                        number(row.path("averageSpeedOfAnswerSeconds")), number(row.path("averageHandleSeconds")),
                        row.path("callbacksRequested").asLong(), row.path("callbacksCompleted").asLong(),
                        percent(row.path("csat")));
            }
        }
    }

    private static String percent(JsonNode value) {
        return value.isNumber() ? String.format(Locale.ROOT, "%.0f%%", value.asDouble() * 100) : "–";
    }

    private static String number(JsonNode value) {
        return value.isNumber() ? String.format(Locale.ROOT, "%.1f", value.asDouble()) : "–";
    }
}
