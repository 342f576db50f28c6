package io.contactcenter.reporting.realtime;

/**
 * Real-time view of one queue for wallboards, for the current UTC day. Definitions: {@code waiting} = contacts in
 * the queue not yet answered, abandoned, overflowed or cancelled; {@code longestWaitSeconds} = now − earliest
 * virtual start among them; {@code offeredToday} = entries into the queue since 00:00 (a contact moved on to
 * another queue counts in each); {@code answeredToday} / {@code abandonedToday} = answers / abandons in the queue
 * since 00:00; {@code serviceLevelToday} = answered within {@code serviceLevelSeconds} ÷ (answered + abandoned)
 * today, null before the first outcome; {@code estimatedWaitSeconds} = routing's wait estimate given to the latest
 * caller to join today (null: none yet, or no agent staffed then); {@code scheduledCallbacks} = callback requests
 * of the queue not yet ended. Counters are kept as events arrive ({@link ContactIngest}), so a snapshot reads one
 * row per queue.
 */
public record QueueRealtime(String queueId, long waiting, double longestWaitSeconds, long offeredToday,
        long answeredToday, long abandonedToday, Double serviceLevelToday, double serviceLevelSeconds,
        Double estimatedWaitSeconds, long scheduledCallbacks) {
}
