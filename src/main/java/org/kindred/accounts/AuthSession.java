package org.kindred.accounts;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One sign-in: a family of rotating refresh tokens. Revoking it also stops its access tokens (they carry its id). */
@Entity
@EntityListeners(AccessChangeListener.class)
@Table(name = "auth_sessions")
public class AuthSession {

    public enum RevokeReason {
        LOGOUT, REFRESH_TOKEN_REUSE, PASSWORD_CHANGED, ACCOUNT_SUSPENDED, ACCOUNT_DELETED, PASSWORD_RESET, EMAIL_CHANGE_UNDONE, REVOKED_BY_MEMBER
    }

    @Id
    private UUID id;

    @Column(name = "account_id", nullable = false)
    private UUID accountId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_used_at", nullable = false)
    private Instant lastUsedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "device_label")
    private String deviceLabel;

    @Column(name = "revoke_reason")
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private RevokeReason revokeReason;

    protected AuthSession() {
    }

    static AuthSession open(UUID accountId, String deviceLabel, Instant now, Instant expiresAt) {
        AuthSession session = new AuthSession();
        session.deviceLabel = deviceLabel;
        session.id = UUID.randomUUID();
        session.accountId = accountId;
        session.createdAt = now;
        session.lastUsedAt = dayOf(now);
        session.expiresAt = expiresAt;
        return session;
    }

    boolean isUsable(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    /**
     * Records use on the day of {@code now} only: the member sees "last used" as a day, and Kindred keeps no finer
     * trail of their activity. The column changes (and is written) at most once a day per session.
     */
    void used(Instant now) {
        Instant day = dayOf(now);
        if (!day.equals(lastUsedAt)) {
            this.lastUsedAt = day;
        }
    }

    /** The start of the UTC day of {@code instant}. */
    static Instant dayOf(Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.DAYS);
    }

    void revoke(RevokeReason reason, Instant now) {
        if (revokedAt == null) {
            this.revokedAt = now;
            this.revokeReason = reason;
        }
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

    /** The start of the UTC day the session was last used on (signed in or refreshed). */
    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public String deviceLabel() {
        return deviceLabel;
    }

    public RevokeReason revokeReason() {
        return revokeReason;
    }
}
