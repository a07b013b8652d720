package org.kindred.accounts;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One member blocking another. */
@Entity
@Table(name = "blocks")
@IdClass(Block.Key.class)
public class Block {

    public record Key(UUID blockerId, UUID blockedId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "blocker_id")
    private UUID blockerId;

    @Id
    @Column(name = "blocked_id")
    private UUID blockedId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Block() {
    }

    public UUID blockedId() {
        return blockedId;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
