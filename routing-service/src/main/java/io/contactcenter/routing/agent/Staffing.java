package io.contactcenter.routing.agent;

import io.contactcenter.events.Channel;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who staffs a queue right now.
 *
 * @param loggedIn member agents not logged out
 * @param staffed member agents working the queue (available presence, busy or not)
 * @param free staffed agents with spare capacity per channel
 * @param byState member agents per shown state (logged-out agents are not counted)
 */
public record Staffing(int loggedIn, int staffed, Map<Channel, Integer> free, Map<AgentState, Integer> byState) {

    public static final Staffing NONE = new Staffing(0, 0, Map.of(), Map.of());

    public int freeFor(Channel channel) {
        return free.getOrDefault(channel, 0);
    }

    /** Staffing per queue from the logged-in agents. */
    public static Map<String, Staffing> of(List<AgentRow> agents, Instant now) {
        Map<String, int[]> counts = new HashMap<>();
        Map<String, Map<Channel, Integer>> free = new HashMap<>();
        Map<String, Map<AgentState, Integer>> states = new HashMap<>();
        for (AgentRow a : agents) {
            if (a.presence == AgentState.LOGGED_OUT) {
                continue;
            }
            AgentState shown = a.state(now);
            boolean working = a.presence == AgentState.AVAILABLE;
            var snapshot = a.snapshot();
            for (String queue : a.profile.queues().keySet()) {
                int[] c = counts.computeIfAbsent(queue, q -> new int[2]);
                c[0]++;
                states.computeIfAbsent(queue, q -> new EnumMap<>(AgentState.class)).merge(shown, 1, Integer::sum);
                if (working) {
                    c[1]++;
                    if (a.routable(now)) {
                        for (Channel ch : a.profile.capacity().keySet()) {
                            if (snapshot.hasCapacityFor(ch)) {
                                free.computeIfAbsent(queue, q -> new EnumMap<>(Channel.class)).merge(ch, 1, Integer::sum);
                            }
                        }
                    }
                }
            }
        }
        Map<String, Staffing> out = new HashMap<>();
        counts.forEach((queue, c) -> out.put(queue, new Staffing(c[0], c[1],
                free.getOrDefault(queue, Map.of()), states.getOrDefault(queue, Map.of()))));
        return out;
    }
}
