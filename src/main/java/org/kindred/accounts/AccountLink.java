package org.kindred.accounts;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A single-use link mailed to an account's owner; only the token's SHA-256 is kept. */
@Entity
@Table(name = "account_links")
public class AccountLink {

    public enum Purpose {
        VERIFY_EMAIL("kve_"), RESET_PASSWORD("kpr_"), CHANGE_EMAIL("kce_"), UNDO_EMAIL_CHANGE("kue_");

        final String prefix;

        Purpose(String prefix) {
            this.prefix = prefix;
        }
    }

    @Id
    @Column(name = "token_hash")
    private byte[] tokenHash;

    @Column(name = "account_id", nullable = false)
    private UUID accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Purpose purpose;

    @Column(nullable = false)
    private String email;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected AccountLink() {
    }

    static AccountLink issue(byte[] tokenHash, UUID accountId, Purpose purpose, String email, Instant now,
            Instant expiresAt) {
        AccountLink link = new AccountLink();
        link.tokenHash = tokenHash;
        link.accountId = accountId;
        link.purpose = purpose;
        link.email = email;
        link.createdAt = now;
        link.expiresAt = expiresAt;
        return link;
    }

    boolean usableAt(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    void use(Instant now) {
        this.usedAt = now;
    }

    UUID accountId() {
        return accountId;
    }

    Purpose purpose() {
        return purpose;
    }

    String email() {
        return email;
    }

    Instant expiresAt() {
        return expiresAt;
    }
}
