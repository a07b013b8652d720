package org.kindred.moderation;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** A moderator's warning to a member; the member sees it with its reason. */
@Entity
@Table(name = "warnings")
@Immutable
public class Warning {

    @Id
    private UUID id;

    @Column(name = "group_id", nullable = false)
    private UUID groupId;

    @Column(name = "account_id", nullable = false)
    private UUID accountId;

    @Column(name = "post_id")
    private UUID postId;

    @Column(nullable = false)
    private String reason;

    @Column(name = "issued_by")
    private UUID issuedBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Warning() {
    }

    static Warning issue(UUID groupId, UUID accountId, UUID postId, String reason, UUID by, Instant now) {
        Warning warning = new Warning();
        warning.id = UUID.randomUUID();
        warning.groupId = groupId;
        warning.accountId = accountId;
        warning.postId = postId;
        warning.reason = reason;
        warning.issuedBy = by;
        warning.createdAt = now;
        return warning;
    }

    public UUID id() {
        return id;
    }

    public UUID groupId() {
        return groupId;
    }

    public UUID postId() {
        return postId;
    }

    public String reason() {
        return reason;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
