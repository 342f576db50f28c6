package io.contactcenter.routing.contact;

import io.contactcenter.events.Channel;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A contact waiting for, or being handled by, an agent. */
@Entity
@Table(name = "routing_contact")
public class Contact extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "queue_id")
    public String queueId;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    public int priority;

    @Enumerated(EnumType.STRING)
    public ContactState state;

    /** JSON object of what the IVR and CRM learned; shown to the agent with the offer. */
    public String attributes;

    /** JSON object skill → minimum level. */
    @Column(name = "required_skills")
    public String requiredSkills;

    @Column(name = "parent_contact_id")
    public String parentContactId;

    @Column(name = "queued_at")
    public Instant queuedAt;

    @Column(name = "virtual_start_time")
    public Instant virtualStartTime;

    @Version
    public long version;
}
