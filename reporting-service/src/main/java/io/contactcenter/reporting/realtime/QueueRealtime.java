package io.contactcenter.reporting.realtime;

/**
 * Real-time view of one queue for wallboards. Definitions: {@code waiting} = contacts queued and not yet
 * answered or abandoned; {@code longestWaitSeconds} = now − earliest virtual start among them;
 * {@code offeredToday}, {@code answeredToday}, {@code abandonedToday} count contacts queued since 00:00 UTC;
 * {@code serviceLevelToday} = answered within {@code serviceLevelSeconds} / (answered + abandoned) of
 * today's contacts (those still waiting are not decided yet), null before the first outcome.
 */
public record QueueRealtime(String queueId, long waiting, double longestWaitSeconds, long offeredToday,
        long answeredToday, long abandonedToday, Double serviceLevelToday, double serviceLevelSeconds) {
}
