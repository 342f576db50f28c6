package io.contactcenter.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.devstack.DevStack;
import io.contactcenter.simulator.resilience.Resilience;
import io.contactcenter.simulator.resilience.Scenario;
import io.contactcenter.simulator.resilience.Suite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The short form of {@code ./contact-center bench resilience}: every fault scenario under simulated calls through the
 * IVR, on the real broker and PostgreSQL, each ending with its accounting. Nothing may be lost, booked twice or
 * dispatched twice; the table goes to {@code simulator/target/resilience-brief.md}. {@code -Dresilience.scenarios=A,B}
 * runs only those.
 */
class ResilienceTest {

    @Test
    void everyFaultUnderLoadLosesNothingAndBooksNobodyTwice() throws Exception {
        Bench.init();
        List<Scenario> scenarios = Arrays.stream(System.getProperty("resilience.scenarios", "").split(","))
                .filter(s -> !s.isBlank()).map(Scenario::valueOf).toList();
        Map<Scenario, List<String>> failures = new LinkedHashMap<>();
        StringBuilder table = new StringBuilder(Resilience.header());
        StringBuilder notes = new StringBuilder("\n");
        try (Suite suite = new Suite(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"))) {
            suite.startAll();
            long seed = 11;
            for (Scenario scenario : scenarios.isEmpty() ? List.of(Scenario.values()) : scenarios) {
                Resilience.Result r = Resilience.run(suite, scenario, Scenario.Timing.brief(), 2.0, seed++);
                table.append(Resilience.row(r)).append('\n');
                notes.append("- ").append(r.name()).append(": ").append(String.join("; ", r.notes())).append('\n');
                if (!r.failures().isEmpty()) {
                    failures.put(scenario, r.failures());
                }
                assertThat(r.books().started()).as("%s: contacts started", scenario).isNotEmpty();
            }
        } finally {
            Path out = DevStack.root().resolve("simulator/target/resilience-brief.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, table.append(notes).toString());
            System.out.println(table);
        }
        assertThat(failures).as("what must hold under each fault").isEmpty();
    }
}
