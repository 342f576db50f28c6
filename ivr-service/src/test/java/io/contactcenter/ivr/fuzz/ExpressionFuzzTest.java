package io.contactcenter.ivr.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.contactcenter.ivr.flow.Expression;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The flow expression language is authored by people and arrives over the API: whatever text it gets, parsing either
 * succeeds or fails with IllegalArgumentException (a 400 naming the problem), never with anything else, and what
 * parses evaluates without throwing. Found on its first run: deep nesting overflowed the stack.
 */
class ExpressionFuzzTest {

    private static final List<String> VOCABULARY = List.of("vip", "risk", "segment", "n", "==", "!=", ">", ">=", "<", "<=",
            "&&", "||", "!", "(", ")", "'VIP'", "'", "\"", "0.5", "-1", "1e309", "hoursOpen(", "queueEwt('support')",
            "isSet(vip)", "hoursOpen('support')", ",", "true", "false", "null", "\u0000", "💥", "'unterminated", "and", "or");

    private static final Expression.Functions FUNCTIONS = new Expression.Functions() {
        @Override
        public boolean hoursOpen(String queue) {
            return queue.length() % 2 == 0;
        }

        @Override
        public Double queueEwt(String queue) {
            return queue.isEmpty() ? null : (double) queue.length();
        }
    };

    @Test
    void anyTextParsesOrFailsWithAReason() {
        Random random = new Random(Fuzz.SEED);
        for (int round = 0; round < Fuzz.ROUNDS; round++) {
            String source = random.nextBoolean() ? Fuzz.tokens(random, VOCABULARY, 1 + random.nextInt(25), " ")
                    : Fuzz.text(random, 80);
            check(source, round);
        }
    }

    @Test
    void deepNestingAndLongChainsAreRefusedNotAStackOverflow() {
        Random random = new Random(Fuzz.SEED);
        for (int round = 0; round < 200; round++) {
            int depth = 1 + random.nextInt(50_000);
            check("(".repeat(depth) + "vip" + ")".repeat(depth), round);
            check("!".repeat(depth) + "vip", round);
            check(String.join(" || ", java.util.Collections.nCopies(Math.min(depth, 20_000), "vip")), round);
        }
        assertThat(Expression.parse("((vip))").test(Map.of("vip", true), FUNCTIONS)).isTrue();
    }

    private static void check(String source, int round) {
        try {
            Object value = Expression.parse(source).evaluate(Map.of("vip", true, "risk", 0.7, "segment", "VIP", "n", 3),
                    FUNCTIONS);
            assertThat(value == null || value instanceof Boolean || value instanceof Number || value instanceof String)
                    .as("value of %s", source).isTrue();
        } catch (IllegalArgumentException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        } catch (RuntimeException | StackOverflowError e) {
            fail("seed " + Fuzz.SEED + " round " + round + ": " + e + " for expression of " + source.length() + " chars: "
                    + source.substring(0, Math.min(120, source.length())), e);
        }
    }
}
