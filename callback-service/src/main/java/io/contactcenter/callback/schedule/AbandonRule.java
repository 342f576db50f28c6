package io.contactcenter.callback.schedule;

/**
 * Whether an abandoned call earns an automatic callback, by the queue's policy. In order: the policy must return
 * abandoned calls; the caller must have waited at least the minimum (short abandons are skipped); the number must
 * not be on do-not-call; the customer must not have called again since; the number must be under its daily cap.
 */
public final class AbandonRule {

    private AbandonRule() {
    }

    /** Null when a callback is due; otherwise why not. */
    public static String refusal(boolean autoReturn, double waitSeconds, int minWaitSeconds, boolean doNotCall,
            boolean calledAgain, int callbacksToday, int maxPerDay) {
        if (!autoReturn) {
            return "policy-off";
        }
        if (waitSeconds < minWaitSeconds) {
            return "short-abandon";
        }
        if (doNotCall) {
            return "do-not-call";
        }
        if (calledAgain) {
            return "called-again";
        }
        if (callbacksToday >= maxPerDay) {
            return "daily-cap";
        }
        return null;
    }
}
