package io.contactcenter.reporting.realtime;

/**
 * Real-time view of one agent. {@code contactsHandledToday} counts contacts completed since 00:00 UTC;
 * {@code secondsInState} = now − the time of the last state change.
 */
public record AgentRealtime(String agentId, String state, String reasonCode, double secondsInState,
        long contactsHandledToday) {
}
