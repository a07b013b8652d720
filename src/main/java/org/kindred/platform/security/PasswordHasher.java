package org.kindred.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;

import de.mkammerer.argon2.Argon2Advanced;
import de.mkammerer.argon2.Argon2Factory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Argon2id password hashing. At most {@code kindred.auth.password.max-concurrent} hashes run at once (see
 * {@link HashingSlots}), so a login storm waits briefly and, past {@code queue-timeout}, gets a 503 with Retry-After
 * instead of taking every core from the members who are reading, or exhausting memory.
 */
@ApplicationScoped
public class PasswordHasher {

    private final Argon2Advanced argon2 = Argon2Factory.createAdvanced(Argon2Factory.Argon2Types.ARGON2id);
    private final AuthConfig.Password config;
    private final HashingSlots slots;
    private final Timer verifyTimer;
    private final String decoyHash;

    public PasswordHasher(AuthConfig config, MeterRegistry registry) {
        this.config = config.password();
        if (this.config.memoryKib() < 19456 || this.config.iterations() < 2 || this.config.parallelism() < 1) {
            throw new IllegalStateException("Argon2id settings are below the OWASP minimum (m=19456 KiB, t=2, p=1)");
        }
        this.slots = new HashingSlots(this.config.maxConcurrent(), this.config.queueTimeout());
        this.verifyTimer = Timer.builder("kindred.password.verify").description("Argon2id verifications")
                .register(registry);
        this.decoyHash = unusableHash();
    }

    /** The hash of a random password nobody knows: for decoys and for accounts nobody may sign in to. */
    public String unusableHash() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return hash(Base64.getEncoder().encodeToString(random));
    }

    public String hash(String password) {
        char[] chars = password.toCharArray();
        slots.acquire();
        try {
            return argon2.hash(config.iterations(), config.memoryKib(), config.parallelism(), chars);
        } finally {
            slots.release();
            argon2.wipeArray(chars);
        }
    }

    /**
     * Verifies a password; with a null hash it verifies against a decoy so unknown accounts take the same time. Every
     * caller is a guess an attacker can repeat: it runs under the LOGIN or PASSWORD rate limit (see RequestLimits).
     */
    public boolean verify(String hash, String password) {
        char[] chars = password.toCharArray();
        slots.acquire();
        try {
            return verifyTimer.record(() -> {
                boolean matches = argon2.verify(hash == null ? decoyHash : hash, chars);
                return hash != null && matches;
            });
        } finally {
            slots.release();
            argon2.wipeArray(chars);
        }
    }

    /**
     * Derives {@code length} raw key bytes from a secret with Argon2id (RFC 9106, version 0x13), for a key that must
     * come from what a member knows (the journal passphrase). Shares the hashing slots with passwords: a derivation is
     * as expensive as a password check, and every caller is a guess under the PASSWORD rate limit.
     */
    public byte[] deriveKey(String secret, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        char[] chars = secret.toCharArray();
        slots.acquire();
        try {
            return argon2.pbkdf(iterations, memoryKib, parallelism, chars, StandardCharsets.UTF_8, salt, length);
        } finally {
            slots.release();
            argon2.wipeArray(chars);
        }
    }

    public boolean needsRehash(String hash) {
        return argon2.needsRehash(hash, config.iterations(), config.memoryKib(), config.parallelism());
    }
}
