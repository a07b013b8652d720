package org.kindred.platform.security;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;

import javax.crypto.SecretKey;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * The access-token parser, remembering tokens it verified until they expire: a client sends the same token with every
 * request for up to {@code kindred.auth.access-token-ttl}, and checking its RS256 signature and claims again each time
 * was about 8% of a feed page's CPU (issue 20). A token is remembered only once the full check
 * ({@link JwtVerification}) passed, by its exact text, and only until its {@code exp}; after that it is checked again
 * (and refused). Whether its session is still live is asked on every request all the same
 * ({@code accounts.SessionCheckAugmentor}). Tokens that fail are never remembered.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    private final DefaultJWTParser parser;
    private final Cache<String, JsonWebToken> verified;

    public VerifiedTokens(DefaultJWTParser parser, AuthConfig config) {
        this.parser = parser;
        int size = config.verifiedTokenCacheSize();
        this.verified = size <= 0
                ? null
                : Caffeine.newBuilder().maximumSize(size).expireAfter(new UntilExpiry()).build();
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        if (verified == null) {
            return parser.parse(token);
        }
        JsonWebToken known = verified.getIfPresent(token);
        if (known != null && Instant.now().getEpochSecond() < known.getExpirationTime()) {
            return known;
        }
        JsonWebToken fresh = parser.parse(token);
        verified.put(token, fresh);
        return fresh;
    }

    /** How many verified tokens are remembered now (for tests and metrics). */
    public long size() {
        if (verified == null) {
            return 0;
        }
        verified.cleanUp();
        return verified.estimatedSize();
    }

    /** Each token is remembered until its own {@code exp}. */
    private static final class UntilExpiry implements Expiry<String, JsonWebToken> {

        @Override
        public long expireAfterCreate(String token, JsonWebToken jwt, long currentTime) {
            long seconds = jwt.getExpirationTime() - Instant.now().getEpochSecond();
            return Math.max(0, Duration.ofSeconds(seconds).toNanos());
        }

        @Override
        public long expireAfterUpdate(String token, JsonWebToken jwt, long currentTime, long currentDuration) {
            return expireAfterCreate(token, jwt, currentTime);
        }

        @Override
        public long expireAfterRead(String token, JsonWebToken jwt, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return parser.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return parser.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return parser.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return parser.parseOnly(token);
    }
}
