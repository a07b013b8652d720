package org.kindred.platform.security;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings under {@code kindred.auth}; every one is documented in the README's configuration table. */
@ConfigMapping(prefix = "kindred.auth")
public interface AuthConfig {

    /** {@code iss} of the access tokens this service signs and accepts. */
    @WithDefault("https://kindred.local")
    String issuer();

    /** {@code aud} of the access tokens this service signs and accepts. */
    @WithDefault("kindred-api")
    String audience();

    /** Lifetime of access tokens; at most 15 minutes. */
    @WithDefault("PT10M")
    Duration accessTokenTtl();

    /** Lifetime of one refresh token; each use rotates it. */
    @WithDefault("P30D")
    Duration refreshTokenTtl();

    /** Absolute lifetime of a session (a refresh-token family), however often it is refreshed. */
    @WithDefault("P90D")
    Duration sessionMaxAge();

    /** Directory of PEM (PKCS#8) RSA private keys, one file per key, named {@code <kid>.pem}. Required in prod. */
    Optional<String> keysDir();

    /** The kid that signs new tokens; defaults to the last kid in lexical order (name files by date). */
    Optional<String> signingKeyId();

    /** E-mail addresses of registered accounts that are made platform admins at startup. */
    Optional<List<String>> bootstrapAdmins();

    Password password();

    SessionCache sessionCache();

    /**
     * Verified access tokens kept per replica until their {@code exp}, so a token seen again skips the RS256 check
     * (issue 20). 0 turns it off.
     */
    @WithDefault("10000")
    int verifiedTokenCacheSize();

    /** The per-replica memory of session checks ({@code accounts.LiveSessions}). */
    interface SessionCache {

        /** How long a session check is remembered at most; changes are forgotten at once by notification. 0 = off. */
        @WithDefault("PT30S")
        Duration ttl();

        /** How many sessions are remembered at most. */
        @WithDefault("100000")
        int maxSize();
    }

    interface Password {
        /** Argon2id memory cost in KiB (OWASP minimum 19456). */
        @WithDefault("19456")
        int memoryKib();

        /** Argon2id iterations (OWASP minimum 2 at 19 MiB). */
        @WithDefault("2")
        int iterations();

        /** Argon2id lanes. */
        @WithDefault("1")
        int parallelism();

        /** How many hashes may run at once; bounds memory to about memoryKib x this value. */
        @WithDefault("1")
        int maxConcurrent();

        /** Minimum estimated entropy (bits, nbvcxz) of a new password. */
        @WithDefault("40")
        double minEntropy();

        /** How long a request waits for a hashing slot before it gets a 503. */
        @WithDefault("PT0.5S")
        Duration queueTimeout();

        /**
         * How many public sign-in, registration and recovery requests may be inside the service at once; the next
         * is answered 503 at the door (SignInDoor).
         */
        @WithDefault("8")
        int maxInFlight();
    }
}
