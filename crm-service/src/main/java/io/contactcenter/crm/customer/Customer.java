package io.contactcenter.crm.customer;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "crm_customer")
public class Customer extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "display_name")
    public String displayName;

    public String email;

    public String language;

    @Enumerated(EnumType.STRING)
    public Segment segment;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
