package io.contactcenter.reporting.realtime;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** What reporting knows about one contact, from its events. */
@Entity
@Table(name = "rpt_contact")
public class ContactFact extends PanacheEntityBase {

    /** WAITING until answered or abandoned; the states a wallboard counts. */
    public static final String WAITING = "WAITING";
    public static final String ANSWERED = "ANSWERED";
    public static final String ABANDONED = "ABANDONED";
    public static final String COMPLETED = "COMPLETED";

    @Id
    @Column(name = "contact_id")
    public String contactId;

    @Column(name = "queue_id")
    public String queueId;

    public String channel;

    public String state;

    @Column(name = "queued_at")
    public Instant queuedAt;

    @Column(name = "virtual_start_time")
    public Instant virtualStartTime;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "wait_seconds")
    public Double waitSeconds;

    /** Talk + hold + wrap-up, once completed. */
    @Column(name = "handle_seconds")
    public Double handleSeconds;

    public int transfers;

    @Column(name = "agent_id")
    public String agentId;
}
