package io.contactcenter.routing.contact;

import io.contactcenter.events.Channel;
import io.contactcenter.routing.engine.WaitingContact;
import java.time.Instant;
import java.util.Map;

/** One {@code routing_contact} row; changed only under its row lock. */
public class ContactRow {

    public String id;
    public String queueId;
    public Channel channel;
    public int priority;
    public ContactState state;
    public Map<String, String> attributes = Map.of();
    public Map<String, Integer> requiredSkills = Map.of();
    public String parentContactId;
    public Instant enteredAt;
    public Instant queuedAt;
    public Instant virtualStartTime;
    public String preferredAgentId;
    public Instant preferredUntil;
    public Map<String, Instant> excluded = Map.of();
    public int overflowStep;
    public boolean widened;
    public String agentId;
    public Instant answeredAt;
    public Instant endedAt;
    public String outcome;
    public String outcomeDetail;
    public Integer positionAtEntry;
    public Double ewtAtEntry;
    public long version;

    public WaitingContact waiting() {
        return new WaitingContact(id, queueId, channel, priority, virtualStartTime, queuedAt,
                widened ? Map.of() : requiredSkills, preferredAgentId, preferredUntil, excluded);
    }
}
