package dev.moa.banking.member;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** Banking's copy of a member's name, kept from membership's events (the newest one wins). */
@Entity
@Table(name = "members")
public class Member extends PanacheEntityBase {

    @Id
    @Column(name = "member_id")
    public UUID memberId;

    public String name;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
