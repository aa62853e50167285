package dev.moa.payment.merchant;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A seller's merchant (franchise). Its fee rate is an administrator's decision; settlement pays its seller. */
@Entity
@Table(name = "merchants")
public class Merchant extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "seller_id")
    public UUID sellerId;

    public String name;

    @Column(name = "fee_bps")
    public int feeBps;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
