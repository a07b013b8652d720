package org.kindred.platform.security;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.jwt.build.Jwt;

/** Signs access tokens. Tokens carry ids and roles only, never an e-mail or handle. */
@ApplicationScoped
public class TokenIssuer {

    public record AccessToken(String token, long expiresInSeconds) {
    }

    private final JwtKeys keys;
    private final AuthConfig config;

    public TokenIssuer(JwtKeys keys, AuthConfig config) {
        this.keys = keys;
        this.config = config;
    }

    public AccessToken issue(UUID accountId, UUID sessionId, Set<String> roles) {
        Instant now = Instant.now();
        long ttl = config.accessTokenTtl().toSeconds();
        JwtKeys.Key key = keys.signing();
        String token = Jwt.issuer(config.issuer())
                .audience(config.audience())
                .subject(accountId.toString())
                .groups(roles)
                .issuedAt(now)
                .expiresAt(now.plusSeconds(ttl))
                .claim("jti", UUID.randomUUID().toString())
                .claim(JwtVerification.SESSION_CLAIM, sessionId.toString())
                .jws()
                .keyId(key.kid())
                .algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256)
                .sign(key.privateKey());
        return new AccessToken(token, ttl);
    }
}
