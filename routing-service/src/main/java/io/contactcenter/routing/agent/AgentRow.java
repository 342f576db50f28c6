package io.contactcenter.routing.agent;

import io.contactcenter.events.Channel;
import io.contactcenter.routing.engine.AgentSnapshot;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** One {@code routing_agent} row, changed only under its row lock and saved with a bumped version. */
public class AgentRow {

    public String id;
    public AgentProfile profile;
    public long profileVersion;
    public AgentState presence;
    public String reasonCode;
    public Instant presenceSince;
    public Instant idleSince;
    public Instant wrapUpUntil;
    public int pendingOffers;
    public Map<Channel, Integer> load = new EnumMap<>(Channel.class);
    public int contactsHandled;
    public double talkSeconds;
    public int missedOffers;
    public long version;

    public int totalLoad() {
        return load.values().stream().mapToInt(Integer::intValue).sum();
    }

    public AgentState state(Instant now) {
        if (presence == AgentState.LOGGED_OUT) {
            return AgentState.LOGGED_OUT;
        }
        if (totalLoad() > pendingOffers) {
            return AgentState.BUSY;
        }
        if (pendingOffers > 0) {
            return AgentState.RESERVED;
        }
        if (wrapUpUntil != null && now.isBefore(wrapUpUntil)) {
            return AgentState.WRAP_UP;
        }
        return presence;
    }

    /** Routable now: available presence, out of wrap-up; capacity is checked per channel by the matcher. */
    public boolean routable(Instant now) {
        return presence == AgentState.AVAILABLE && (wrapUpUntil == null || !now.isBefore(wrapUpUntil));
    }

    /** Room for one more contact on some channel of its capacity. */
    public boolean hasRoom() {
        AgentSnapshot s = snapshot();
        return profile.capacity().keySet().stream().anyMatch(s::hasCapacityFor);
    }

    public AgentSnapshot snapshot() {
        return new AgentSnapshot(id, profile.skills(), profile.queues(), profile.capacity(), load, idleSince,
                contactsHandled, talkSeconds);
    }

    public void addLoad(Channel channel, int delta) {
        Map<Channel, Integer> next = new EnumMap<>(Channel.class);
        next.putAll(load);
        int value = next.getOrDefault(channel, 0) + delta;
        if (value < 0) {
            throw new IllegalStateException("agent " + id + " load on " + channel + " would go negative");
        }
        if (value == 0) {
            next.remove(channel);
        } else {
            next.put(channel, value);
        }
        load = next;
    }
}
