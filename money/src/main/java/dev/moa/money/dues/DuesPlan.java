package dev.moa.money.dues;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A group's dues: {@code amount} from every member on {@code dayOfMonth} of every month from {@code startsOn}. */
@Entity
@Table(name = "dues_plans")
public class DuesPlan extends PanacheEntityBase {

    @Id
    @Column(name = "group_id")
    public UUID groupId;

    public long amount;

    @Column(name = "day_of_month")
    public int dayOfMonth;

    @Column(name = "starts_on")
    public LocalDate startsOn;

    @Column(name = "updated_by")
    public UUID updatedBy;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
