package org.kindred.platform.security;

import java.util.List;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;

import io.smallrye.jwt.KeyFormat;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;

/**
 * Verification rules for access tokens (RFC 8725): only RS256, only our keys (selected by kid), our issuer and
 * audience, and exp, iat, jti, sub and sid all required. Replaces the configuration-driven default.
 */
@ApplicationScoped
public class JwtVerification {

    public static final String SESSION_CLAIM = "sid";

    @Produces
    @Alternative
    @Priority(1)
    @ApplicationScoped
    JWTAuthContextInfo contextInfo(JwtKeys keys, AuthConfig config) {
        JWTAuthContextInfo info = new JWTAuthContextInfo();
        info.setPublicKeyContent(keys.jwksJson());
        info.setKeyFormat(KeyFormat.JWK);
        info.setIssuedBy(config.issuer());
        info.setExpectedAudience(Set.of(config.audience()));
        info.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
        info.setRequiredClaims(Set.of("sub", "exp", "iat", "jti", SESSION_CLAIM));
        info.setMaxTimeToLiveSecs(config.accessTokenTtl().toSeconds());
        info.setClockSkew(30);
        info.setTokenSchemes(List.of("Bearer"));
        info.setRequireNamedPrincipal(true);
        return info;
    }
}
