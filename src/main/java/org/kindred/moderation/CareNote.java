package org.kindred.moderation;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A private note to a member that someone in their community is worried about them. It carries no reporter, no report
 * and no post: the member learns only that someone cares, and when.
 */
@Entity
@Table(name = "care_notes")
public class CareNote {

    @Id
    private UUID id;

    @Column(name = "account_id", nullable = false)
    private UUID accountId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "read_at")
    private Instant readAt;

    protected CareNote() {
    }

    static CareNote forAccount(UUID accountId, Instant now) {
        CareNote note = new CareNote();
        note.id = UUID.randomUUID();
        note.accountId = accountId;
        note.createdAt = now;
        return note;
    }

    public UUID id() {
        return id;
    }

    public UUID accountId() {
        return accountId;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
