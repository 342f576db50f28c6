package io.contactcenter.ivr.number;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Which flow answers calls to a dialled number. */
@Entity
@Table(name = "ivr_number")
public class NumberBinding extends PanacheEntityBase {

    @Id
    public String e164;

    @Column(name = "flow_id")
    public String flowId;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;
}
