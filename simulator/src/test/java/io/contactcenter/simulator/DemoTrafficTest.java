package io.contactcenter.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactcenter.devstack.Eventually;
import io.contactcenter.devstack.ServiceProcess;
import io.contactcenter.devstack.TopicSetup;
import io.contactcenter.simulator.traffic.AfterSalesCenter;
import io.contactcenter.simulator.traffic.Api;
import io.contactcenter.simulator.traffic.Outcome;
import io.contactcenter.simulator.traffic.Traffic;
import io.contactcenter.devstack.DevStack;
import io.contactcenter.events.Topics;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The demo's traffic through all five packaged services, wired as {@code ./contact-center up} wires them: what
 * reporting-service reports must be exactly what the simulated callers and agents lived through.
 */
class DemoTrafficTest {

    private static final String GROUP = "reporting-demo-test";
    private static final List<String> READ_BY_REPORTING = List.of(Topics.CONTACTS, Topics.AGENTS, Topics.CALLBACKS, Topics.CRM,
            Topics.IVR);
    private static final List<String> COUNTED = List.of("offered", "answered", "abandoned", "callbacksCompleted", "surveys");

    @Test
    void reportsAgreeWithWhatTheSimulatedCallersLivedThrough() throws Exception {
        Bench.init();
        String serviceToken = io.contactcenter.devstack.Tokens.bearer("service").substring("Bearer ".length());
        try (ServiceProcess routing = ServiceProcess.start("routing", Map.of());
                ServiceProcess crm = ServiceProcess.start("crm", Map.of());
                ServiceProcess callback = ServiceProcess.start("callback", Map.of("CC_CALLBACK_CRM_URL", base(crm),
                        "CC_CALLBACK_CRM_TOKEN", serviceToken));
                ServiceProcess ivr = ServiceProcess.start("ivr", Map.of("CC_IVR_CRM_URL", base(crm), "CC_IVR_ROUTING_URL",
                        base(routing), "CC_IVR_CALLBACK_URL", base(callback), "CC_IVR_SERVICE_TOKEN", serviceToken));
                ServiceProcess reporting = ServiceProcess.start("reporting", Map.of("CC_REPORTING_CONSUMER_GROUP", GROUP))) {
            Api api = new Api(Map.of("routing", URI.create(base(routing)), "crm", URI.create(base(crm)), "callback",
                    URI.create(base(callback)), "ivr", URI.create(base(ivr)), "reporting", URI.create(base(reporting))));
            Random random = new Random();
            String run = Long.toString(System.currentTimeMillis(), 36);
            AfterSalesCenter.Provisioned center = AfterSalesCenter.provision(api, "dt-" + run + "-",
                    20_000_000 + random.nextInt(70_000_000), "+494099" + (1_000_000 + random.nextInt(8_999_999)), 40, 1, 5);
            // a fresh group replays the topics' history first; the baseline is taken once reporting has read it all
            awaitCaughtUp(GROUP, Duration.ofMinutes(3));
            Map<String, Long> before = reported(api);

            Traffic.Plan plan = new Traffic.Plan(List.of(Traffic.Stream.ivr(center.ivrNumber(), 2.0)), center.agents(), 5,
                    Traffic.Handling.LOG_NORMAL, 0.5, 8, 0.03, 0.02, 0.5, 2, Traffic.RateProfile.FLAT,
                    center.customerNumbers(), random.nextLong());
            Traffic traffic = new Traffic(api, plan, true);
            try (traffic) {
                traffic.startDesks();
                traffic.run(Duration.ofSeconds(45), Duration.ofSeconds(10), t -> { });
                assertThat(traffic.finish(Duration.ofSeconds(120))).as("every caller finished").isTrue();
            }
            Traffic.Counters c = traffic.counters();
            assertThat(traffic.errors()).as("errors of callers and desks").isEmpty();
            assertThat(c.arrived.get()).as("calls placed").isGreaterThan(40);
            assertThat(c.completed.get()).as("every accepted contact completed").isEqualTo(c.answered.get());
            List<Outcome> outcomes = traffic.outcomes();
            long answeredCallers = outcomes.stream().filter(Outcome::answered).count();
            long abandoned = outcomes.stream().filter(Outcome::abandoned).count();
            // agents also take what was already waiting in the center's queues before the run (other tests' contacts)
            assertThat(answeredCallers + c.returnedCalls.get() + traffic.foreignAnswered()).as("answered contacts by origin")
                    .isEqualTo(c.answered.get());

            Map<String, Long> expected = Map.of("answered", c.answered.get(), "abandoned", abandoned,
                    "callbacksCompleted", c.callbacksAnswered.get(), "surveys", c.surveys.get());
            Map<String, Long> delta = new HashMap<>();
            try {
                Eventually.await("reporting catches up with the run", Duration.ofSeconds(30), Duration.ofMillis(500), () -> {
                    Map<String, Long> after = reported(api);
                    COUNTED.forEach(k -> delta.put(k, after.get(k) - before.get(k)));
                    return expected.entrySet().stream().allMatch(e -> e.getValue().equals(delta.get(e.getKey())));
                });
            } catch (AssertionError notThere) {
                // fall through to the assertions below, which say which figure differs
            }
            System.out.printf("demo traffic: %d calls, %d queued, %d callbacks booked on hold, %d waiting before the run"
                    + " answered; expected %s; reporting %s%n", c.arrived.get(), c.enqueued.get(), c.callbacksBooked.get(),
                    traffic.foreignAnswered(), expected, delta);
            assertThat(delta).as("reporting's figures for this run (callers: %s)", outcomes.size())
                    .containsAllEntriesOf(expected);
            assertThat(delta.get("offered")).as("offered").isGreaterThanOrEqualTo(c.enqueued.get() - c.callbacksBooked.get());
        }
    }

    /** Today's totals over the center's queues, as reporting-service reports them. */
    private static Map<String, Long> reported(Api api) {
        Instant from = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
        Instant to = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
        Map<String, Long> sums = new HashMap<>();
        COUNTED.forEach(k -> sums.put(k, 0L));
        for (String queue : AfterSalesCenter.QUEUES) {
            JsonNode report = api.call("reporting", "GET", "/reports/queues/" + queue + "/intervals?interval=P1D&from=" + from
                    + "&to=" + to, api.token("supervisor"), null);
            for (JsonNode row : report.path("rows")) {
                COUNTED.forEach(k -> sums.merge(k, row.path(k).asLong(), Long::sum));
            }
        }
        return sums;
    }

    /** Waits until {@code group} has consumed everything on the topics it reads. */
    private static void awaitCaughtUp(String group, Duration timeout) {
        Eventually.await("reporting caught up with the topics' history", timeout, Duration.ofSeconds(1),
                () -> TopicSetup.caughtUp(DevStack.KAFKA_BOOTSTRAP, group, READ_BY_REPORTING));
    }

    private static String base(ServiceProcess service) {
        return service.url("");
    }
}
