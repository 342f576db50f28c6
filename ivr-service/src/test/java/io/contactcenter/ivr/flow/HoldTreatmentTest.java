package io.contactcenter.ivr.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HoldTreatmentTest {

    static final Node.Hold HOLD = new Node.Hold(List.of("m1", "m2"), 30, true, true, 120, "9", "voicemail");
    static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void announcesPositionAndWaitThenPlaysMusicAndOffersACallbackOnceTheWaitIsLong() {
        var first = HoldTreatment.next(HOLD, HoldTreatment.State.START, T0, 4, 200.0, "en", 20);
        assertThat(first.actions()).extracting(Action::text).contains("You are number 4 in line. Your expected wait is about 3 minutes.",
                "To be called back without losing your place in line, press 1.", "To leave a message instead, press 9.");
        assertThat(first.actions()).extracting(Action::type).endsWith("play", "gather");
        assertThat(first.state().callbackOffered()).isTrue();
        // 20 s later: music only, the next track
        var second = HoldTreatment.next(HOLD, first.state(), T0.plusSeconds(20), 3, 150.0, "en", 20);
        assertThat(second.actions()).extracting(Action::type).containsExactly("play", "gather");
        assertThat(second.actions().get(0).prompt()).isEqualTo("m2");
        // 30 s after the first announcement: announce again, without repeating the offer
        var third = HoldTreatment.next(HOLD, second.state(), T0.plusSeconds(30), 1, 30.0, "en", 20);
        assertThat(third.actions()).extracting(Action::text).contains("You are next in line. Your expected wait is about 1 minute.")
                .doesNotContain("To be called back without losing your place in line, press 1.");
    }

    @Test
    void neverPromisesAWaitItCannotEstimate() {
        var turn = HoldTreatment.next(HOLD, HoldTreatment.State.START, T0, null, null, "en", 20);
        assertThat(turn.actions()).extracting(Action::text).contains("We cannot estimate your wait right now.");
        assertThat(turn.state().callbackOffered()).isFalse();
    }
}
