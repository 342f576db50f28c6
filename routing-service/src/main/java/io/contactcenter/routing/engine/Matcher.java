package io.contactcenter.routing.engine;

import io.contactcenter.events.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * One routing pass over a consistent snapshot: contacts in order (effective priority, then virtual start
 * time, across all queues), each offered to the best eligible agent with spare capacity by its queue's
 * strategy. Because every contact sees every eligible agent and capacity only shrinks during the pass, no
 * eligible agent is left with spare capacity while a contact it could take still waits.
 */
public final class Matcher {

    private final RandomGenerator random;

    public Matcher(RandomGenerator random) {
        this.random = random;
    }

    /**
     * @param roundRobin queue id → agent offered last there; updated for every assignment
     */
    public List<Assignment> match(List<WaitingContact> waiting, Map<String, QueueDefinition> queues,
            List<AgentSnapshot> agents, Map<String, String> roundRobin, Instant now) {
        Map<String, List<String>> membersByQueue = new HashMap<>();
        Map<String, AgentSnapshot> byId = new HashMap<>();
        for (AgentSnapshot a : agents) {
            byId.put(a.id(), a);
            for (String queue : a.memberships().keySet()) {
                membersByQueue.computeIfAbsent(queue, q -> new ArrayList<>()).add(a.id());
            }
        }
        membersByQueue.values().forEach(list -> list.sort(Comparator.naturalOrder()));
        // members with room per (queue, channel): at peak most contacts wait on full queues, and those must
        // cost a lookup, not a scan of every member
        Map<String, int[]> room = new HashMap<>();
        for (AgentSnapshot a : agents) {
            for (Channel ch : a.capacity().keySet()) {
                if (a.hasCapacityFor(ch)) {
                    for (String queue : a.memberships().keySet()) {
                        room.computeIfAbsent(queue + '/' + ch, k -> new int[1])[0]++;
                    }
                }
            }
        }

        List<WaitingContact> ordered = new ArrayList<>(waiting);
        Map<String, Integer> effective = new HashMap<>();
        for (WaitingContact c : ordered) {
            QueueDefinition q = queues.getOrDefault(c.queueId(), QueueDefinition.defaults());
            effective.put(c.id(), q.effectivePriority(c.priority(), c.virtualStart(), now));
        }
        ordered.sort(order(effective));

        List<Assignment> out = new ArrayList<>();
        for (WaitingContact c : ordered) {
            QueueDefinition q = queues.get(c.queueId());
            List<String> members = membersByQueue.get(c.queueId());
            int[] free = room.get(c.queueId() + '/' + c.channel());
            if (q == null || members == null || free == null || free[0] == 0) {
                continue;
            }
            Map<String, Integer> needs = q.effectiveRequirements(c.requiredSkills(),
                    Math.max(0, Duration.between(c.queuedAt(), now).toSeconds()));
            List<AgentSnapshot> eligible = new ArrayList<>();
            int bestPenalty = Integer.MAX_VALUE;
            boolean preferenceOnly = c.preferenceActive(now);
            for (String id : members) {
                AgentSnapshot a = byId.get(id);
                if ((preferenceOnly && !id.equals(c.preferredAgentId())) || c.excludes(id, now)
                        || !a.hasCapacityFor(c.channel()) || !a.meets(needs)) {
                    continue;
                }
                int penalty = a.memberships().get(c.queueId()).penalty();
                if (penalty < bestPenalty) {
                    eligible.clear();
                    bestPenalty = penalty;
                }
                if (penalty == bestPenalty) {
                    eligible.add(a);
                }
            }
            if (eligible.isEmpty()) {
                continue;
            }
            AgentSnapshot chosen = choose(q.strategy(), c, needs, eligible, roundRobin.get(c.queueId()));
            out.add(new Assignment(c, chosen.id()));
            AgentSnapshot after = chosen.withOneMore(c.channel());
            byId.put(chosen.id(), after);
            for (Channel ch : chosen.capacity().keySet()) {
                if (chosen.hasCapacityFor(ch) && !after.hasCapacityFor(ch)) {
                    for (String queue : chosen.memberships().keySet()) {
                        room.get(queue + '/' + ch)[0]--;
                    }
                }
            }
            roundRobin.put(c.queueId(), chosen.id());
        }
        return out;
    }

    /** Contact order: effective priority (high first), virtual start, queue entry, id. */
    public static Comparator<WaitingContact> order(Map<String, Integer> effectivePriority) {
        return Comparator.<WaitingContact>comparingInt(c -> -effectivePriority.get(c.id()))
                .thenComparing(WaitingContact::virtualStart)
                .thenComparing(WaitingContact::queuedAt)
                .thenComparing(WaitingContact::id);
    }

    AgentSnapshot choose(Strategy strategy, WaitingContact c, Map<String, Integer> needs,
            List<AgentSnapshot> eligible, String lastOffered) {
        Comparator<AgentSnapshot> idle = Comparator.comparing(AgentSnapshot::idleSince,
                Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(AgentSnapshot::id);
        return switch (strategy) {
            case LONGEST_IDLE -> min(eligible, idle);
            case FEWEST_CONTACTS -> min(eligible, Comparator.comparingInt(AgentSnapshot::contactsHandled).thenComparing(idle));
            case LEAST_TALK_TIME -> min(eligible, Comparator.comparingDouble(AgentSnapshot::talkSeconds).thenComparing(idle));
            case TOP_DOWN -> min(eligible, Comparator.<AgentSnapshot>comparingInt(
                    a -> a.memberships().get(c.queueId()).level()).thenComparing(AgentSnapshot::id));
            case BEST_SKILL_MATCH -> min(eligible, Comparator.<AgentSnapshot>comparingInt(
                    a -> -a.proficiencyOn(c.requiredSkills().isEmpty() ? needs : c.requiredSkills())).thenComparing(idle));
            case ROUND_ROBIN -> nextAfter(eligible, lastOffered);
            case WEIGHTED_RANDOM -> weighted(eligible, c.queueId());
        };
    }

    private static AgentSnapshot min(List<AgentSnapshot> list, Comparator<AgentSnapshot> cmp) {
        AgentSnapshot best = list.get(0);
        for (int i = 1; i < list.size(); i++) {
            if (cmp.compare(list.get(i), best) < 0) {
                best = list.get(i);
            }
        }
        return best;
    }

    /** Eligible agents are in id order: the first id after the last one offered, wrapping around. */
    private static AgentSnapshot nextAfter(List<AgentSnapshot> eligible, String last) {
        if (last != null) {
            for (AgentSnapshot a : eligible) {
                if (a.id().compareTo(last) > 0) {
                    return a;
                }
            }
        }
        return eligible.get(0);
    }

    private AgentSnapshot weighted(List<AgentSnapshot> eligible, String queueId) {
        int total = 0;
        for (AgentSnapshot a : eligible) {
            total += Math.max(1, a.memberships().get(queueId).weight());
        }
        int pick = random.nextInt(total);
        for (AgentSnapshot a : eligible) {
            pick -= Math.max(1, a.memberships().get(queueId).weight());
            if (pick < 0) {
                return a;
            }
        }
        return eligible.get(eligible.size() - 1);
    }
}
