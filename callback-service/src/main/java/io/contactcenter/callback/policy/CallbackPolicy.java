package io.contactcenter.callback.policy;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "cb_policy")
public class CallbackPolicy extends PanacheEntityBase {

    @Id
    @Column(name = "queue_id")
    public String queueId;

    @Column(name = "max_attempts")
    public int maxAttempts;

    @Column(name = "min_retry_interval_s")
    public int minRetryIntervalSeconds;

    @Column(name = "max_per_number_per_day")
    public int maxPerNumberPerDay;

    @Column(name = "min_abandon_wait_s")
    public int minAbandonWaitSeconds;

    @Column(name = "auto_return_abandoned")
    public boolean autoReturnAbandoned;

    @Column(name = "time_zone")
    public String timeZone;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
