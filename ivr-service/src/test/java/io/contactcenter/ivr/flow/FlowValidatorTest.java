package io.contactcenter.ivr.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FlowValidatorTest {

    static String sample() throws IOException {
        try (var in = FlowValidatorTest.class.getResourceAsStream("/flows/after-sales.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static final String BASE = """
            {"name":"t","start":"a","operator":"op","nodes":{
              "a":{"type":"say","text":"hi","next":"m"},
              "m":{"type":"menu","text":"press","options":{"1":"op"},"timeoutSeconds":5,"maxRetries":2,"noInput":"op","noMatch":"op"},
              "op":{"type":"enqueue","queue":"support"}
              %s}}""";

    @Test
    void theShippedSampleFlowIsValid() throws IOException {
        assertThat(FlowValidator.validate(FlowFormat.parse(sample(), true))).isEmpty();
        assertThat(FlowValidator.validate(FlowFormat.parse(BASE.formatted(""), false))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing target          | ,"x":{"type":"say","text":"x","next":"nowhere"}                       | x     | leads to 'nowhere'
            unreachable             | ,"lost":{"type":"hangup","text":"bye"}                               | lost  | unreachable
            dead end                | ,"d":{"type":"say","text":"x"}                                        | d     | dead end
            unknown variable        | ,"v":{"type":"say","text":"hi {ghost}","next":"op"}                   | v     | unknown variable 'ghost'
            invalid expression      | ,"b":{"type":"branch","conditions":[{"when":"segment = 'VIP'","next":"op"}],"otherwise":"op"} | b | invalid expression
            unknown variable in expr| ,"b":{"type":"branch","conditions":[{"when":"tier == 'x'","next":"op"}],"otherwise":"op"} | b | unknown variable 'tier'
            menu without retries    | ,"m2":{"type":"menu","text":"x","options":{"1":"op"}}                 | m2    | timeoutSeconds
            digits pattern          | ,"c":{"type":"collect","text":"x","variable":"v","maxDigits":4,"pattern":"([","next":"op","noInput":"op","noMatch":"op"} | c | pattern
            """)
    void reportsEachProblemWithItsNode(String name, String extra, String node, String message) {
        var problems = FlowValidator.validate(FlowFormat.parse(BASE.formatted(extra), false));
        assertThat(problems).as(name).anySatisfy(p -> {
            assertThat(p.node()).isEqualTo(node);
            assertThat(p.message()).contains(message);
        });
    }

    @Test
    void everyProblemAtOnce() {
        var problems = FlowValidator.validate(FlowFormat.parse("""
                {"name":"bad","start":"a","nodes":{
                  "a":{"type":"menu","text":"{who}","options":{"1":"b"}},
                  "b":{"type":"say","text":"x"},
                  "c":{"type":"hangup","text":"bye"}}}""", false));
        assertThat(problems).extracting(FlowValidator.Problem::message).anyMatch(m -> m.startsWith("operator"))
                .anyMatch(m -> m.contains("no way to reach a person"))
                .anyMatch(m -> m.contains("unknown variable 'who'"))
                .anyMatch(m -> m.contains("noInput"))
                .anyMatch(m -> m.contains("dead end"))
                .anyMatch(m -> m.contains("unreachable"));
        assertThat(problems.size()).isGreaterThanOrEqualTo(7);
    }

    @Test
    void menusDeeperThanThreeLevelsAreMazes() {
        String menu = "{\"type\":\"menu\",\"text\":\"x\",\"options\":{\"1\":\"%s\"},\"timeoutSeconds\":5,\"maxRetries\":1,"
                + "\"noInput\":\"op\",\"noMatch\":\"op\"}";
        String flow = "{\"name\":\"maze\",\"start\":\"m1\",\"operator\":\"op\",\"nodes\":{"
                + "\"m1\":" + menu.formatted("m2") + ",\"m2\":" + menu.formatted("m3") + ",\"m3\":" + menu.formatted("m4")
                + ",\"m4\":" + menu.formatted("op") + ",\"op\":{\"type\":\"enqueue\",\"queue\":\"q\"}}}";
        List<FlowValidator.Problem> problems = FlowValidator.validate(FlowFormat.parse(flow, false));
        assertThat(problems).extracting(FlowValidator.Problem::node).containsExactly("m4");
        assertThat(problems.get(0).message()).contains("4 levels");
    }

    @Test
    void aDocumentThatDoesNotParseSaysWhere() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FlowFormat.parse("name: x\nnodes:\n  a: {type: teleport}\n", true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line");
    }
}
