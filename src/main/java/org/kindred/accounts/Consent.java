package org.kindred.accounts;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A record that an account accepted a version of something (the community guidelines). Append-only. */
@Entity
@Table(name = "consents")
public class Consent {

    public static final String COMMUNITY_GUIDELINES = "COMMUNITY_GUIDELINES";

    @Id
    private UUID id;

    @Column(name = "account_id", nullable = false)
    private UUID accountId;

    @Column(nullable = false)
    private String kind;

    @Column(nullable = false)
    private int version;

    @Column(name = "accepted_at", nullable = false)
    private Instant acceptedAt;

    protected Consent() {
    }

    static Consent accept(UUID accountId, String kind, int version, Instant now) {
        Consent consent = new Consent();
        consent.id = UUID.randomUUID();
        consent.accountId = accountId;
        consent.kind = kind;
        consent.version = version;
        consent.acceptedAt = now;
        return consent;
    }

    public String kind() {
        return kind;
    }

    public int version() {
        return version;
    }

    public Instant acceptedAt() {
        return acceptedAt;
    }
}
