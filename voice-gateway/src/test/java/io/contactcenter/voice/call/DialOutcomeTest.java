package io.contactcenter.voice.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DialOutcomeTest {

    @Test
    void sipFinalResponsesMapToCallbackOutcomes() {
        assertThat(List.of(200, 486, 600, 404, 484, 604, 408, 480, 487, 603, 503).stream().map(OutboundCall::outcome).toList())
                .containsExactly("ANSWERED", "BUSY", "BUSY", "INVALID_NUMBER", "INVALID_NUMBER", "INVALID_NUMBER", "NO_ANSWER",
                        "NO_ANSWER", "NO_ANSWER", "NO_ANSWER", "NO_ANSWER");
    }
}
