package org.kindred.groups;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.kindred.groups.events.MembershipChanged;
import org.kindred.platform.error.BadRequestException;
import org.kindred.platform.error.ConflictException;
import org.kindred.platform.error.ForbiddenException;

/** One account's relation to one group: a request, a membership, a denial or a ban. */
@Entity
@EntityListeners(GroupAccessChangeListener.class)
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
        return standing().isBanned(now);
    }

    /** The facts access decisions read ({@link GroupAccess} reads them as a projection instead). */
    public MemberStanding standing() {
        return new MemberStanding(role, status, rulesVersionAccepted, joinedAt, bannedUntil);
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

    /*
     * Every decision on a membership goes through the methods below, whatever the path (a PATCH by a moderator, a report
     * resolution, an owner leaving), so each rule is written once: moderators never act on moderators or owners, nobody
     * decides on their own membership, owners cannot be banned or removed, a ban ends in the future, the last owner
     * cannot leave or step down.
     */

    /** Admits the account: approves a pending request or lifts a ban. Returns which of the two it was. */
    MembershipChanged.Change admit(GroupContext by, String reason, Instant now) {
        requireMayDecide(by);
        if (status == MembershipStatus.PENDING) {
            this.status = MembershipStatus.ACTIVE;
            this.joinedAt = now;
            decided(by, null, now);
            return MembershipChanged.Change.APPROVED;
        }
        if (status == MembershipStatus.BANNED) {
            this.status = MembershipStatus.ACTIVE;
            this.bannedUntil = null;
            this.joinedAt = now;
            decided(by, reason, now);
            return MembershipChanged.Change.UNBANNED;
        }
        throw new ConflictException("not-pending", "Nothing to approve",
                "Only a pending request can be approved, or a ban lifted; this membership is " + status);
    }

    void deny(GroupContext by, String reason, Instant now) {
        requireMayDecide(by);
        if (status != MembershipStatus.PENDING) {
            throw new ConflictException("not-pending", "Nothing to deny",
                    "Only a pending request can be denied; this membership is " + status);
        }
        this.status = MembershipStatus.DENIED;
        decided(by, reason, now);
    }

    /** Bans the account until {@code until} (null: for good). A ban also ends any role the account had here. */
    void ban(GroupContext by, Instant until, String reason, Instant now) {
        requireMayDecide(by);
        if (role == MembershipRole.OWNER && isActive()) {
            throw new ConflictException("owner-protected", "Owners cannot be banned",
                    "An owner cannot be banned; an owner must step down first");
        }
        if (until != null && !until.isAfter(now)) {
            throw new BadRequestException("bannedUntil", "must be in the future");
        }
        this.status = MembershipStatus.BANNED;
        this.role = MembershipRole.MEMBER;
        this.bannedUntil = until;
        decided(by, reason, now);
    }

    /** Owners only; {@code otherOwners} counts the group's other active owners (the last one cannot step down). */
    void changeRole(GroupContext by, MembershipRole newRole, long otherOwners) {
        requireOwnerToActOnModerators(by);
        if (!by.isOwner()) {
            throw new ForbiddenException("not-an-owner", "Owners only", "Only owners can grant or remove roles");
        }
        if (!isActive()) {
            throw new ConflictException("not-active", "Not an active member", "Only active members can have a role");
        }
        if (role == MembershipRole.OWNER && otherOwners == 0) {
            throw lastOwner();
        }
        this.role = newRole;
    }

    /** A moderator removing someone from the group (the row is deleted by the caller after this check). */
    void requireRemovableBy(GroupContext by) {
        if (role == MembershipRole.OWNER && isActive()) {
            throw new ConflictException("owner-protected", "Owners cannot be removed",
                    "An owner cannot be removed; an owner must step down first");
        }
        if (role == MembershipRole.MODERATOR && !by.isOwner()) {
            throw new ForbiddenException("not-an-owner", "Owners only", "Only owners can remove moderators");
        }
        if (status == MembershipStatus.BANNED) {
            throw new ConflictException("banned", "Banned", "Lift the ban (status ACTIVE) instead of removing it");
        }
    }

    /** The member leaving by themself; {@code otherOwners} as for {@link #changeRole}. */
    void requireMayLeave(Instant now, long otherOwners) {
        if (isBanned(now) || status == MembershipStatus.BANNED) {
            throw new ConflictException("banned", "Banned",
                    "A ban stays in place when you leave; it cannot be removed this way");
        }
        if (role == MembershipRole.OWNER && isActive() && otherOwners == 0) {
            throw lastOwner();
        }
    }

    private void requireMayDecide(GroupContext by) {
        requireOwnerToActOnModerators(by);
        if (accountId.equals(by.caller().orElse(null))) {
            throw new ConflictException("own-membership", "Not on yourself",
                    "You cannot approve, deny or ban yourself; leave the group instead");
        }
    }

    private void requireOwnerToActOnModerators(GroupContext by) {
        if (!by.isOwner() && role.moderates() && !accountId.equals(by.caller().orElse(null))) {
            throw new ForbiddenException("not-an-owner", "Owners only", "Only owners can act on moderators and owners");
        }
    }

    private static ConflictException lastOwner() {
        return new ConflictException("last-owner", "Last owner",
                "The group's last owner cannot leave or step down; make another member an owner first");
    }

    void acceptRules(int version) {
        this.rulesVersionAccepted = version;
    }

    private void decided(GroupContext by, String reason, Instant now) {
        this.decidedBy = by.caller().orElse(null);
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

    public long version() {
        return version;
    }
}
