package dev.moa.chassis.idempotency;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/** The stored first answer to a request made with an {@code Idempotency-Key}. */
@Entity
@Table(name = "moa_idempotency")
public class IdempotencyRecord {

    @EmbeddedId
    public Key id;

    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    @Column(name = "status_code")
    public Integer statusCode;

    @Column(name = "response_body")
    public String responseBody;

    @Column(name = "location")
    public String location;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    /** Keys are per owner: two members may use the same key without meeting. */
    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "owner")
        public String owner;

        @Column(name = "idem_key")
        public String key;

        public Key() {
        }

        public Key(String owner, String key) {
            this.owner = owner;
            this.key = key;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key that && owner.equals(that.owner) && key.equals(that.key);
        }

        @Override
        public int hashCode() {
            return Objects.hash(owner, key);
        }
    }
}
