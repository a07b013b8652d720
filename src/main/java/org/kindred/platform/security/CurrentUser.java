package org.kindred.platform.security;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.kindred.platform.error.UnauthorizedException;

import io.quarkus.security.identity.SecurityIdentity;

/** Who is calling: the account and session from a verified access token, or nobody. */
@RequestScoped
public class CurrentUser {

    public static final String ADMIN = "admin";
    public static final String PROFESSIONAL = "professional";
    public static final String MEMBER = "member";

    private final SecurityIdentity identity;

    public CurrentUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean isAuthenticated() {
        return !identity.isAnonymous();
    }

    public Optional<UUID> accountId() {
        return isAuthenticated() ? Optional.of(UUID.fromString(identity.getPrincipal().getName())) : Optional.empty();
    }

    /** The caller's account id, or a 401 when the request carries no token. */
    public UUID requireAccountId() {
        return accountId().orElseThrow(() -> new UnauthorizedException("unauthenticated",
                "This operation needs an access token (Authorization: Bearer ...)"));
    }

    public UUID sessionId() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            return UUID.fromString(jwt.getClaim(JwtVerification.SESSION_CLAIM));
        }
        throw new UnauthorizedException("unauthenticated", "This operation needs an access token");
    }

    /** An attribute the session check put on the caller's identity, if it is there and of that type. */
    public <T> Optional<T> attribute(String name, Class<T> type) {
        Object value = identity.getAttribute(name);
        return type.isInstance(value) ? Optional.of(type.cast(value)) : Optional.empty();
    }

    /** Identity attribute: the guidelines version the caller's account accepted (read by the per-request session check). */
    public static final String GUIDELINES_ATTRIBUTE = "kindred.guidelines-version";

    /** The community-guidelines version the caller accepted, if known (authenticated requests). */
    public java.util.OptionalInt acceptedGuidelinesVersion() {
        Object version = identity.getAttribute(GUIDELINES_ATTRIBUTE);
        return version instanceof Integer v ? java.util.OptionalInt.of(v) : java.util.OptionalInt.empty();
    }

    public boolean isAdmin() {
        return identity.hasRole(ADMIN);
    }

    public boolean isProfessional() {
        return identity.hasRole(PROFESSIONAL);
    }
}
