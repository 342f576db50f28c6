package io.contactcenter.reporting.realtime;

/**
 * Real-time view of one queue for wallboards. Definitions: {@code waiting} = contacts queued and not yet
 * answered, abandoned, overflowed or cancelled; {@code longestWaitSeconds} = now − earliest virtual start among
 * them; {@code offeredToday}, {@code answeredToday}, {@code abandonedToday} count contacts queued since 00:00 UTC;
 * {@code serviceLevelToday} = answered within {@code serviceLevelSeconds} / (answered + abandoned) of today's
 * contacts (those still waiting are not decided yet), null before the first outcome;
 * {@code estimatedWaitSeconds} = routing's wait estimate given to the latest caller to join (null: none yet, or no
 * agent staffed then); {@code scheduledCallbacks} = callback requests of the queue not yet ended.
 */
public record QueueRealtime(String queueId, long waiting, double longestWaitSeconds, long offeredToday,
        long answeredToday, long abandonedToday, Double serviceLevelToday, double serviceLevelSeconds,
        Double estimatedWaitSeconds, long scheduledCallbacks) {
}
