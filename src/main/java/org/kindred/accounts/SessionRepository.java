package org.kindred.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class SessionRepository implements PanacheRepositoryBase<AuthSession, UUID> {

    private final RefreshTokenRepository tokens;

    public SessionRepository(RefreshTokenRepository tokens) {
        this.tokens = tokens;
    }

    public Optional<AuthSession> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public List<AuthSession> activeForAccount(UUID accountId) {
        return list("accountId = ?1 and revokedAt is null", accountId);
    }

    public Optional<RefreshToken> findTokenForUpdate(byte[] hash) {
        return tokens.findByIdOptional(hash, LockModeType.PESSIMISTIC_WRITE);
    }

    public void persistToken(RefreshToken token) {
        tokens.persist(token);
    }

    /** Removes sessions that ended more than a day ago (their tokens cascade). */
    public long purgeEnded(Instant now) {
        Instant cutoff = now.minusSeconds(86_400);
        return delete("expiresAt < ?1 or revokedAt < ?1", cutoff);
    }

    @ApplicationScoped
    public static class RefreshTokenRepository implements PanacheRepositoryBase<RefreshToken, byte[]> {
    }
}
