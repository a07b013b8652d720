package org.kindred.groups;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An invite code to a group; the code itself is stored only as a SHA-256 hash. */
@Entity
@Table(name = "group_invites")
public class GroupInvite {

    @Id
    private UUID id;

    @Column(name = "group_id", nullable = false)
    private UUID groupId;

    @Column(name = "code_hash", nullable = false)
    private byte[] codeHash;

    @Column(name = "created_by", nullable = false)
    private UUID createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "max_uses", nullable = false)
    private int maxUses;

    @Column(nullable = false)
    private int uses;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected GroupInvite() {
    }

    static GroupInvite create(UUID groupId, byte[] codeHash, UUID createdBy, Instant expiresAt, int maxUses,
            Instant now) {
        GroupInvite invite = new GroupInvite();
        invite.id = UUID.randomUUID();
        invite.groupId = groupId;
        invite.codeHash = codeHash;
        invite.createdBy = createdBy;
        invite.createdAt = now;
        invite.expiresAt = expiresAt;
        invite.maxUses = maxUses;
        return invite;
    }

    boolean usable(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt) && uses < maxUses;
    }

    void use() {
        uses++;
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public UUID id() {
        return id;
    }

    public UUID groupId() {
        return groupId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public int maxUses() {
        return maxUses;
    }

    public int uses() {
        return uses;
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
