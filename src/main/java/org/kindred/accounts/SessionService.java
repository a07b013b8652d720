package org.kindred.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.kindred.accounts.api.SessionResponse;
import org.kindred.accounts.api.TokenResponse;
import org.kindred.platform.error.NotFoundException;
import org.kindred.platform.error.UnauthorizedException;
import org.kindred.platform.security.AuthConfig;
import org.kindred.platform.security.TokenIssuer;

/**
 * Sessions and refresh tokens: opens a session at sign-in, rotates its refresh token on every use, and revokes the
 * whole session when a rotated token is presented again (it was stolen, or the client is broken).
 */
@ApplicationScoped
public class SessionService {

    /** Prefix so secret scanners and humans recognise a leaked refresh token. */
    static final String REFRESH_PREFIX = "krt_";

    private final SessionRepository sessions;
    private final AccountRepository accounts;
    private final TokenIssuer issuer;
    private final AuthConfig config;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public SessionService(SessionRepository sessions, AccountRepository accounts, TokenIssuer issuer, AuthConfig config,
            Clock clock) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.issuer = issuer;
        this.config = config;
        this.clock = clock;
    }

    /** Opens a session for an account that just proved who it is. Runs in the caller's transaction. */
    TokenResponse open(Account account, String deviceLabel) {
        Instant now = clock.instant();
        AuthSession session = AuthSession.open(account.id(), deviceLabel, now, now.plus(config.sessionMaxAge()));
        sessions.persist(session);
        return tokensFor(account, session, now);
    }

    @Transactional(dontRollbackOn = UnauthorizedException.class)
    public TokenResponse refresh(String refreshToken) {
        Instant now = clock.instant();
        RefreshToken token = sessions.findTokenForUpdate(hash(refreshToken))
                .orElseThrow(SessionService::invalidRefresh);
        AuthSession session = sessions.findForUpdate(token.sessionId()).orElseThrow(SessionService::invalidRefresh);
        if (token.wasRotated()) {
            session.revoke(AuthSession.RevokeReason.REFRESH_TOKEN_REUSE, now);
            throw new UnauthorizedException("refresh-token-reused",
                    "This refresh token was already used; the session has been signed out for safety. Sign in again.");
        }
        if (token.isExpired(now) || !session.isUsable(now)) {
            throw invalidRefresh();
        }
        Account account = accounts.findByIdOptional(session.accountId())
                .filter(a -> a.status() == AccountStatus.ACTIVE).orElseThrow(SessionService::invalidRefresh);
        token.rotate(now);
        session.used(now);
        return tokensFor(account, session, now);
    }

    @Transactional
    public void logout(UUID sessionId) {
        sessions.findForUpdate(sessionId).ifPresent(s -> s.revoke(AuthSession.RevokeReason.LOGOUT, clock.instant()));
    }

    /** Revokes every session of the account except {@code keep} (which may be null). Runs in the caller's transaction. */
    void revokeAll(UUID accountId, UUID keep, AuthSession.RevokeReason reason) {
        Instant now = clock.instant();
        for (AuthSession session : sessions.activeForAccount(accountId)) {
            if (!session.id().equals(keep)) {
                session.revoke(reason, now);
            }
        }
    }

    /** The account's sessions that can still be used, most recently used first. */
    @Transactional
    public List<SessionResponse> list(UUID accountId, UUID current) {
        Instant now = clock.instant();
        return sessions.activeForAccount(accountId).stream().filter(s -> s.isUsable(now))
                .sorted(Comparator.comparing(AuthSession::lastUsedAt).thenComparing(AuthSession::createdAt).reversed()
                        .thenComparing(AuthSession::id))
                .map(s -> SessionResponse.of(s.id(), s.id().equals(current), s.deviceLabel(), s.createdAt(),
                        AuthSession.dayOf(s.lastUsedAt()), s.expiresAt()))
                .toList();
    }

    /** Signs out one of the account's own sessions (a lost phone); 404 for any other id, used or not. */
    @Transactional
    public void revoke(UUID accountId, UUID sessionId) {
        Instant now = clock.instant();
        AuthSession session = sessions.findForUpdate(sessionId)
                .filter(s -> s.accountId().equals(accountId) && s.isUsable(now))
                .orElseThrow(() -> new NotFoundException("No such session"));
        session.revoke(AuthSession.RevokeReason.REVOKED_BY_MEMBER, now);
    }

    /** Signs out every session of the account but the caller's. */
    @Transactional
    public void revokeOthers(UUID accountId, UUID current) {
        revokeAll(accountId, current, AuthSession.RevokeReason.REVOKED_BY_MEMBER);
    }

    @Transactional
    public long purgeEnded() {
        return sessions.purgeEnded(clock.instant());
    }

    private TokenResponse tokensFor(Account account, AuthSession session, Instant now) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String refresh = REFRESH_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant refreshExpiry = now.plus(config.refreshTokenTtl());
        if (refreshExpiry.isAfter(session.expiresAt())) {
            refreshExpiry = session.expiresAt();
        }
        sessions.persistToken(RefreshToken.issue(hash(refresh), session.id(), now, refreshExpiry));
        TokenIssuer.AccessToken access = issuer.issue(account.id(), session.id(), account.roles());
        return new TokenResponse(access.token(), refresh, access.expiresInSeconds(), "Bearer");
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static UnauthorizedException invalidRefresh() {
        return new UnauthorizedException("invalid-refresh-token",
                "The refresh token is invalid, expired or revoked. Sign in again.");
    }
}
