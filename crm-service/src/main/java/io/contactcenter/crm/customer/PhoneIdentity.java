package io.contactcenter.crm.customer;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One E.164 number belongs to at most one customer: the key of caller lookup. */
@Entity
@Table(name = "crm_phone")
public class PhoneIdentity extends PanacheEntityBase {

    @Id
    public String phone;

    @Column(name = "customer_id")
    public String customerId;
}
