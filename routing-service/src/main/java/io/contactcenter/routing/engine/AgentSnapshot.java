package io.contactcenter.routing.engine;

import io.contactcenter.events.Channel;
import java.time.Instant;
import java.util.Map;

/**
 * What the matcher knows about one agent who may take work now: routable presence, not in wrap-up.
 *
 * @param load live offers and contacts per channel
 * @param idleSince when the agent last became free (longest idle)
 */
public record AgentSnapshot(String id, Map<String, Integer> skills, Map<String, Membership> memberships,
        Map<Channel, Integer> capacity, Map<Channel, Integer> load, Instant idleSince, int contactsHandled,
        double talkSeconds) {

    /** Voice-like channels need the agent's whole attention: one of them excludes everything else. */
    public static boolean exclusive(Channel channel) {
        return channel == Channel.VOICE || channel == Channel.CALLBACK;
    }

    public boolean hasCapacityFor(Channel channel) {
        int cap = capacity.getOrDefault(channel, 0);
        if (cap <= 0) {
            return false;
        }
        int total = 0;
        boolean exclusiveBusy = false;
        for (Map.Entry<Channel, Integer> e : load.entrySet()) {
            total += e.getValue();
            exclusiveBusy |= exclusive(e.getKey()) && e.getValue() > 0;
        }
        if (exclusiveBusy || (exclusive(channel) && total > 0)) {
            return false;
        }
        return load.getOrDefault(channel, 0) < cap;
    }

    /** True when the agent's skills meet every requirement (skill → minimum proficiency). */
    public boolean meets(Map<String, Integer> requirements) {
        for (Map.Entry<String, Integer> r : requirements.entrySet()) {
            if (skills.getOrDefault(r.getKey(), 0) < r.getValue()) {
                return false;
            }
        }
        return true;
    }

    public int proficiencyOn(Map<String, Integer> requirements) {
        int sum = 0;
        for (String skill : requirements.keySet()) {
            sum += skills.getOrDefault(skill, 0);
        }
        return sum;
    }

    /** A copy with one more live item on {@code channel}. */
    public AgentSnapshot withOneMore(Channel channel) {
        Map<Channel, Integer> more = new java.util.EnumMap<>(Channel.class);
        more.putAll(load);
        more.merge(channel, 1, Integer::sum);
        return new AgentSnapshot(id, skills, memberships, capacity, more, idleSince, contactsHandled, talkSeconds);
    }
}
