package org.kindred.platform.security;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

/**
 * The partner organisation a request was authenticated for by its {@code X-Api-Key}, if any. The resource library's
 * partner-key filter resolves keys (it owns the partners table) before rate limiting runs; platform mechanisms read
 * the result here: rate limits count per key, and idempotency keys belong to the partner.
 */
@RequestScoped
public class CurrentPartner {

    /** A verified, unrevoked partner API key. */
    public record Identity(UUID partnerId, UUID keyId, Set<String> scopes, int requestsPerMinute) {
        public Identity {
            scopes = Set.copyOf(scopes);
        }
    }

    private Identity identity;

    public Optional<Identity> get() {
        return Optional.ofNullable(identity);
    }

    public boolean isAuthenticated() {
        return identity != null;
    }

    /** Called once per request by the filter that verified the key. */
    public void authenticate(Identity identity) {
        if (this.identity != null) {
            throw new IllegalStateException("The partner of this request is already set");
        }
        this.identity = identity;
    }
}
