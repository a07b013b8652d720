package org.kindred.groups;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One account's relation to one group: a request, a membership, a denial or a ban. */
@Entity
@Table(name = "memberships")
@IdClass(Membership.Key.class)
public class Membership {

    public record Key(UUID groupId, UUID accountId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "group_id")
    private UUID groupId;

    @Id
    @Column(name = "account_id")
    private UUID accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MembershipRole role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MembershipStatus status;

    @Column(name = "rules_version_accepted", nullable = false)
    private int rulesVersionAccepted;

    @Column(name = "request_message")
    private String requestMessage;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "joined_at")
    private Instant joinedAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decided_by")
    private UUID decidedBy;

    @Column(name = "decision_reason")
    private String decisionReason;

    @Column(name = "banned_until")
    private Instant bannedUntil;

    @Version
    private long version;

    protected Membership() {
    }

    /** True while a ban is in force; an expired ban no longer counts. */
    public boolean isBanned(Instant now) {
        return status == MembershipStatus.BANNED && (bannedUntil == null || bannedUntil.isAfter(now));
    }

    public boolean isActive() {
        return status == MembershipStatus.ACTIVE;
    }

    /** Joining again after leaving a denial or an expired ban behind. */
    void rejoin(MembershipStatus newStatus, int rulesVersion, String message, Instant now) {
        this.role = MembershipRole.MEMBER;
        this.status = newStatus;
        this.rulesVersionAccepted = rulesVersion;
        this.requestMessage = message;
        this.requestedAt = now;
        this.joinedAt = newStatus == MembershipStatus.ACTIVE ? now : null;
        this.decidedAt = null;
        this.decidedBy = null;
        this.decisionReason = null;
        this.bannedUntil = null;
    }

    void approve(UUID by, Instant now) {
        this.status = MembershipStatus.ACTIVE;
        this.joinedAt = now;
        decided(by, null, now);
    }

    void deny(UUID by, String reason, Instant now) {
        this.status = MembershipStatus.DENIED;
        decided(by, reason, now);
    }

    void ban(UUID by, Instant until, String reason, Instant now) {
        this.status = MembershipStatus.BANNED;
        this.role = MembershipRole.MEMBER;
        this.bannedUntil = until;
        decided(by, reason, now);
    }

    /** Lifts a ban: the person is a member again. */
    void unban(UUID by, String reason, Instant now) {
        this.status = MembershipStatus.ACTIVE;
        this.bannedUntil = null;
        this.joinedAt = now;
        decided(by, reason, now);
    }

    void changeRole(MembershipRole role) {
        this.role = role;
    }

    void acceptRules(int version) {
        this.rulesVersionAccepted = version;
    }

    private void decided(UUID by, String reason, Instant now) {
        this.decidedBy = by;
        this.decisionReason = reason;
        this.decidedAt = now;
    }

    public UUID groupId() {
        return groupId;
    }

    public UUID accountId() {
        return accountId;
    }

    public MembershipRole role() {
        return role;
    }

    public MembershipStatus status() {
        return status;
    }

    public int rulesVersionAccepted() {
        return rulesVersionAccepted;
    }

    public String requestMessage() {
        return requestMessage;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public Instant joinedAt() {
        return joinedAt;
    }

    public String decisionReason() {
        return decisionReason;
    }

    public Instant bannedUntil() {
        return bannedUntil;
    }

    public Instant decidedAt() {
        return decidedAt;
    }
}
