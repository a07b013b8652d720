package org.kindred.library.partners;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A partner's API key. The secret is {@code kpk_} and 256 random bits (the prefix lets secret scanners recognise a
 * leaked key); only its SHA-256 is stored: a hash is enough for a secret this long, and it keeps lookups cheap.
 */
@Entity
@Table(name = "partner_api_keys")
public class PartnerKey {

    static final String PREFIX = "kpk_";
    private static final Pattern FORMAT = Pattern.compile("kpk_[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    private UUID id;

    @Column(name = "partner_id", nullable = false)
    private UUID partnerId;

    @Column(nullable = false)
    private String name;

    @Column(name = "key_prefix", nullable = false)
    private String keyPrefix;

    @Column(name = "key_hash", nullable = false)
    private byte[] keyHash;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]", nullable = false)
    private List<String> scopes = new ArrayList<>();

    @Column(name = "requests_per_minute", nullable = false)
    private int requestsPerMinute;

    @Column(name = "request_count", nullable = false)
    private long requestCount;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by")
    private UUID createdBy;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by")
    private UUID revokedBy;

    protected PartnerKey() {
    }

    /** A new key and its secret, which exists only in the returned value: it is never stored. */
    record Issued(PartnerKey key, String secret) {
    }

    static Issued issue(UUID partnerId, String name, Set<String> scopes, int requestsPerMinute, UUID createdBy,
            Instant now) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        PartnerKey key = new PartnerKey();
        key.id = UUID.randomUUID();
        key.partnerId = partnerId;
        key.name = name;
        key.keyPrefix = secret.substring(0, PREFIX.length() + 8);
        key.keyHash = hash(secret);
        key.scopes = new ArrayList<>(PartnerScopes.ALL.stream().filter(scopes::contains).toList());
        key.requestsPerMinute = requestsPerMinute;
        key.createdBy = createdBy;
        key.createdAt = now;
        return new Issued(key, secret);
    }

    /** Whether a presented key has the shape of one of ours; anything else is refused without a lookup. */
    static boolean wellFormed(String secret) {
        return secret != null && FORMAT.matcher(secret).matches();
    }

    static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    void revoke(UUID by, Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
            revokedBy = by;
        }
    }

    public UUID id() {
        return id;
    }

    public UUID partnerId() {
        return partnerId;
    }

    public String name() {
        return name;
    }

    public String keyPrefix() {
        return keyPrefix;
    }

    public List<String> scopes() {
        return List.copyOf(scopes);
    }

    public int requestsPerMinute() {
        return requestsPerMinute;
    }

    public long requestCount() {
        return requestCount;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }
}
