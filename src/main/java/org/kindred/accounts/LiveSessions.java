package org.kindred.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.kindred.platform.db.AccessChanges;
import org.kindred.platform.security.AuthConfig;

import com.github.benmanes.caffeine.cache.Cache;

/**
 * This replica's memory of live sessions, so the session check every signed-in request makes
 * ({@link SessionCheckAugmentor}) costs no query and no thread hand-off when it was answered recently (issue 20).
 * <p>
 * Safe because it is told of every change that matters, on every replica, within milliseconds: triggers on
 * {@code auth_sessions} and {@code accounts} (migration V32) notify {@link AccessChanges} at commit when a session is
 * revoked, expires early or is deleted, or an account's status, roles, guidelines version or content-warning
 * preferences change, and it forgets what each notification names ({@code s:<session>}, {@code a:<account>}). The
 * fail-safe rules are {@link AccessChanges}': nothing is served unless it is listening, an answer is remembered only
 * if no change arrived while it was read. A change made on this replica through the entities is also forgotten at
 * once, at flush ({@link AccessChangeListener}), so a client's next request after its own sign-out never waits for the
 * notification. Entries live at most {@code kindred.auth.session-cache.ttl} (30 s) and never past the session's
 * expiry.
 */
@ApplicationScoped
public class LiveSessions implements AccessChanges.Subscriber {

    /** What the session check learns from the database about a live session. */
    record Live(UUID accountId, Set<String> roles, int guidelinesVersion, Instant sessionExpiresAt,
            ReadingPreferences reading) {
    }

    private final boolean enabled;
    private final Cache<UUID, Live> sessions;
    private final AccessChanges changes;

    public LiveSessions(AuthConfig config, AccessChanges changes) {
        Duration ttl = config.sessionCache().ttl();
        this.enabled = AccessChanges.isOn(ttl, config.sessionCache().maxSize());
        this.sessions = AccessChanges.memory(ttl, config.sessionCache().maxSize());
        this.changes = changes;
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    /** The remembered answer for this session and account, if any may be served now. */
    Optional<Live> cached(UUID sessionId, UUID accountId) {
        if (!enabled || !changes.serving()) {
            return Optional.empty();
        }
        Live live = sessions.getIfPresent(sessionId);
        if (live == null || !live.accountId().equals(accountId) || !Instant.now().isBefore(live.sessionExpiresAt())) {
            return Optional.empty();
        }
        return Optional.of(live);
    }

    /** Read before asking the database; pass it to {@link #remember}. */
    long epoch() {
        return changes.epoch();
    }

    /** Remembers what the database said, unless something changed since {@code epochBefore} was read. */
    void remember(UUID sessionId, Live live, long epochBefore) {
        if (enabled) {
            changes.remember(sessions, sessionId, live, epochBefore);
        }
    }

    /** Forgets one session (revoked, expired early, deleted). */
    public void forgetSession(UUID sessionId) {
        changes.moved();
        sessions.invalidate(sessionId);
    }

    /** Forgets every session of an account (status, roles or guidelines changed, or the account deleted). */
    public void forgetAccount(UUID accountId) {
        changes.moved();
        sessions.asMap().values().removeIf(live -> live.accountId().equals(accountId));
    }

    /** Whether answers may be served from memory now (the listener is connected and listening). */
    public boolean serving() {
        return enabled && changes.serving();
    }

    @Override
    public void changed(String payload) {
        if (payload.startsWith("s:")) {
            forgetSession(UUID.fromString(payload.substring(2)));
        } else if (payload.startsWith("a:")) {
            forgetAccount(UUID.fromString(payload.substring(2)));
        }
    }

    @Override
    public void forgetAll() {
        sessions.invalidateAll();
    }
}
