package io.contactcenter.ivr.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.ivr.flow.FlowDocument;
import io.contactcenter.ivr.flow.FlowFormat;
import io.contactcenter.ivr.flow.FlowValidator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Flow documents are uploaded by people (YAML or JSON): the shipped sample, mutated at random (lines dropped,
 * repeated, swapped, characters replaced, truncated), must either be refused by the parser with a reason or come
 * back from the validator as a list of problems; neither may throw anything else, and a flow the validator passes
 * keeps a start node that exists. Found on its first run: an empty target made the validator throw (a 500).
 */
class FlowDocumentFuzzTest {

    private static final String SAMPLE = sample();

    private static final List<String> JUNK = List.of("", "  ", "- ", ": ", "{", "}", "[", "]", "&anchor", "*anchor",
            "!!binary", "'", "\"", "\t", "\u0000", "nodes:", "start: nowhere", "type: menu", "type: nope",
            "options: {1: 1}", "maxRetries: -5", "timeoutSeconds: 1e400", "<<: *a", "next:", "next: ", "options: {1: }");
    private static final List<String> JSON_TOKENS = List.of("{", "}", "[", "]", ",", ":", "\"start\"", "\"nodes\"",
            "\"m\"", "\"type\"", "\"menu\"", "\"enqueue\"", "\"queue\"", "\"options\"", "\"1\"", "null", "true", "1",
            "-1", "\"\"", "1e999", "\"\\u0000\"", "\"name\"", "\"next\"");

    @Test
    void mutatedYamlIsRefusedWithAReasonOrValidated() {
        Random random = new Random(Fuzz.SEED);
        List<String> lines = SAMPLE.lines().toList();
        for (int round = 0; round < Fuzz.ROUNDS; round++) {
            List<String> copy = new ArrayList<>(lines);
            for (int edits = 1 + random.nextInt(3); edits > 0 && copy.size() > 1; edits--) {
                int i = random.nextInt(copy.size());
                int j = random.nextInt(copy.size());
                switch (random.nextInt(6)) {
                    case 0 -> copy.remove(i);
                    case 1 -> copy.add(i, copy.get(j));
                    case 2 -> Collections.swap(copy, i, j);
                    case 3 -> copy.set(i, copy.get(i).substring(0, copy.get(i).length() / 2) + Fuzz.pick(random, JUNK));
                    case 4 -> copy.add(i, Fuzz.pick(random, JUNK));
                    default -> copy.subList(Math.max(i, 1), copy.size()).clear();
                }
            }
            check(String.join("\n", copy), true, round);
        }
    }

    @Test
    void arbitraryJsonIsRefusedWithAReasonOrValidated() {
        Random random = new Random(Fuzz.SEED);
        for (int round = 0; round < Fuzz.ROUNDS; round++) {
            String document = random.nextBoolean() ? Fuzz.tokens(random, JSON_TOKENS, random.nextInt(40), "")
                    : Fuzz.text(random, 200);
            check(document, false, round);
        }
    }

    private static void check(String document, boolean yaml, int round) {
        try {
            FlowDocument flow;
            try {
                flow = FlowFormat.parse(document, yaml);
            } catch (IllegalArgumentException refused) {
                assertThat(refused.getMessage()).startsWith("not a valid flow document");
                return;
            }
            if (flow == null) {
                return; // an empty document: the resource answers 400 for it
            }
            List<FlowValidator.Problem> problems = FlowValidator.validate(flow);
            if (problems.isEmpty()) {
                assertThat(flow.nodes()).containsKey(flow.start());
            }
        } catch (RuntimeException | StackOverflowError e) {
            org.assertj.core.api.Assertions.fail("seed " + Fuzz.SEED + " round " + round + ": " + e + " for:\n" + document, e);
        }
    }

    private static String sample() {
        try (InputStream in = FlowDocumentFuzzTest.class.getResourceAsStream("/flows/after-sales.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
