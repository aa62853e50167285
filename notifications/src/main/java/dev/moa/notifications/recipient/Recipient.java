package dev.moa.notifications.recipient;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** Notifications' copy of a member: where and how to write to them. Kept from membership's events. */
@Entity
@Table(name = "recipients")
public class Recipient extends PanacheEntityBase {

    @Id
    @Column(name = "member_id")
    public UUID memberId;

    public String email;

    public String name;

    /** {@code ko} or {@code en}. */
    public String locale;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
