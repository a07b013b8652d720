package org.kindred.accounts;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A refresh token, stored only as its SHA-256 hash. Used once: rotation marks it and issues the next one. */
@Entity
@Table(name = "refresh_tokens")
public class RefreshToken {

    @Id
    @Column(name = "token_hash")
    private byte[] tokenHash;

    @Column(name = "session_id", nullable = false)
    private UUID sessionId;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "rotated_at")
    private Instant rotatedAt;

    protected RefreshToken() {
    }

    static RefreshToken issue(byte[] tokenHash, UUID sessionId, Instant now, Instant expiresAt) {
        RefreshToken token = new RefreshToken();
        token.tokenHash = tokenHash;
        token.sessionId = sessionId;
        token.issuedAt = now;
        token.expiresAt = expiresAt;
        return token;
    }

    boolean wasRotated() {
        return rotatedAt != null;
    }

    boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    void rotate(Instant now) {
        this.rotatedAt = now;
    }

    UUID sessionId() {
        return sessionId;
    }
}
