package org.kindred.accounts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A registration waiting for its e-mail link to be followed; the account is created from it on confirmation. */
@Entity
@Table(name = "pending_registrations")
public class PendingRegistration {

    @Id
    @Column(name = "token_hash")
    private byte[] tokenHash;

    @Column(nullable = false)
    private String email;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(nullable = false)
    private String handle;

    @Column(name = "display_name")
    private String displayName;

    @Column(length = 2)
    private String country;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]", nullable = false)
    private List<String> languages = new ArrayList<>();

    @Column(name = "birth_year")
    private Integer birthYear;

    @Column(name = "guidelines_version", nullable = false)
    private int guidelinesVersion;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected PendingRegistration() {
    }

    static PendingRegistration of(byte[] tokenHash, String email, String passwordHash, String handle,
            String displayName, String country, List<String> languages, Integer birthYear, int guidelinesVersion,
            Instant now, Instant expiresAt) {
        PendingRegistration p = new PendingRegistration();
        p.tokenHash = tokenHash;
        p.email = email;
        p.passwordHash = passwordHash;
        p.handle = handle;
        p.displayName = displayName;
        p.country = country;
        p.languages = new ArrayList<>(languages);
        p.birthYear = birthYear;
        p.guidelinesVersion = guidelinesVersion;
        p.createdAt = now;
        p.expiresAt = expiresAt;
        return p;
    }

    Account toAccount(Instant now) {
        Account account = Account.register(email, passwordHash, handle, displayName, country, languages, birthYear,
                guidelinesVersion, now);
        account.verifyEmail(now);
        return account;
    }

    boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    String email() {
        return email;
    }

    String handle() {
        return handle;
    }

    int guidelinesVersion() {
        return guidelinesVersion;
    }
}
