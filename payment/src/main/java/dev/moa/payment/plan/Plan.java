package dev.moa.payment.plan;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A seller's subscription plan. Its price is what the next charge of each subscriber takes. */
@Entity
@Table(name = "plans")
public class Plan extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "seller_id")
    public UUID sellerId;

    public String name;

    public String description;

    public long price;

    @Enumerated(EnumType.STRING)
    public PlanPeriod period;

    @Column(name = "trial_days")
    public int trialDays;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
