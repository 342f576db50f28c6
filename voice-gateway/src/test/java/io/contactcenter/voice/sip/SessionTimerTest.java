package io.contactcenter.voice.sip;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionTimerTest {

    @Test
    void aCallerThatSupportsTimersGetsTheIntervalItAskedForOrOurs() {
        assertThat(SessionTimer.negotiate("600;refresher=uac", "timer, 100rel", 1800, 90)).isEqualTo(new SessionTimer(600, false));
        assertThat(SessionTimer.negotiate(null, "replaces,timer", 1800, 90).seconds()).isEqualTo(1800);
        assertThat(SessionTimer.negotiate("600", "timer", 1800, 90).header()).isEqualTo("600;refresher=uac");
    }

    @Test
    void anIntervalBelowTheMinimumIsRefusedSoTheCallerCanRetryWithMinSe() {
        assertThat(SessionTimer.negotiate("30", "timer", 1800, 90).tooSmall()).isTrue();
        assertThat(SessionTimer.negotiate("90", "timer", 1800, 90).tooSmall()).isFalse();
    }

    @Test
    void withoutTimerSupportNobodyWouldRefreshSoThereIsNoTimer() {
        assertThat(SessionTimer.negotiate("600", null, 1800, 90)).isEqualTo(SessionTimer.NONE);
        assertThat(SessionTimer.negotiate("600", "100rel, timers", 1800, 90)).isEqualTo(SessionTimer.NONE);
    }

    @Test
    void theSessionEndsBeforeTheIntervalAsRfc4028Section10Says() {
        assertThat(new SessionTimer(90, false).expiresAfterMillis()).isEqualTo(60_000);   // 90 − min(32, 30)
        assertThat(new SessionTimer(1800, false).expiresAfterMillis()).isEqualTo(1_768_000); // 1800 − min(32, 600)
    }
}
