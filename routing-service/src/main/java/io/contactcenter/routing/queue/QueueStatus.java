package io.contactcenter.routing.queue;

import io.contactcenter.routing.agent.AgentState;
import java.util.Map;

/**
 * {@code GET /routing/queues/{id}/status}: what a caller arriving now would face.
 *
 * @param estimatedWaitSeconds for a new caller at normal priority; null when no agent staffs the queue
 */
public record QueueStatus(String queueId, boolean open, int waiting, double longestWaitSeconds,
        Map<AgentState, Integer> agentsByState, int staffed, Double estimatedWaitSeconds,
        double averageHandleSeconds) {
}
