package io.contactcenter.reporting.realtime;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One wallboard frame: every queue, agents by state, the backlog, and when it was taken. */
public record Wallboard(Instant at, List<QueueRealtime> queues, Map<String, Long> agentsByState, Backlog backlog) {
}
