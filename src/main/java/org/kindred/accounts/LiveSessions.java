package org.kindred.accounts;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.kindred.platform.db.ListenConnections;
import org.kindred.platform.security.AuthConfig;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * This replica's memory of live sessions, so the session check every signed-in request makes
 * ({@link SessionCheckAugmentor}) costs no query and no thread hand-off when it was answered recently (issue 20).
 * <p>
 * Safe because it is told of every change that matters, on every replica, within milliseconds: triggers on
 * {@code auth_sessions} and {@code accounts} (migration V32) send {@code pg_notify('kindred_access', ...)} at
 * commit when a session is revoked, expires early or is deleted, or an account's status, roles, guidelines version or
 * content-warning preferences change;
 * one thread holds a connection that LISTENs and forgets what each notification names. Rules that keep it fail-safe:
 * <ul>
 * <li>Nothing is served from memory unless that connection is listening: before the first LISTEN, and from the moment
 * it fails until a new one listens, every request asks the database (and the memory is emptied).</li>
 * <li>An answer read from the database is remembered only if no notification arrived while it was read (an epoch
 * counter), so a change committed during the read cannot be overwritten by the old answer.</li>
 * <li>A change made on this replica through the entities is also forgotten at once, at flush
 * ({@link AccessChangeListener}), so a client's next request after its own sign-out never waits for the
 * notification.</li>
 * <li>Entries live at most {@code kindred.auth.session-cache.ttl} (30 s) and never past the session's expiry. After
 * each quiet second the listener notifies itself and must hear it back within 2 s, so a connection that silently
 * stopped delivering (dead, or behind a transaction-pooling proxy) stops the cache within about 3 s.</li>
 * </ul>
 */
@ApplicationScoped
public class LiveSessions {

    /** The notification channel the V32 triggers send on. */
    static final String CHANNEL = "kindred_access";

    private static final Logger LOG = Logger.getLogger(LiveSessions.class);

    /** How long the listener waits to hear its own notification back before it stops the cache and reconnects. */
    private static final long ECHO_TIMEOUT_MILLIS = 2000;

    /** What the session check learns from the database about a live session. */
    record Live(UUID accountId, Set<String> roles, int guidelinesVersion, Instant sessionExpiresAt,
            ReadingPreferences reading) {
    }

    private final boolean enabled;
    private final Cache<UUID, Live> sessions;
    private final AtomicLong epoch = new AtomicLong();
    private final String url;
    private final Optional<String> username;
    private final Optional<String> password;
    private final Map<String, CountDownLatch> syncs = new ConcurrentHashMap<>();
    private volatile boolean listening;
    private volatile boolean stopping;

    public LiveSessions(AuthConfig config,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        Duration ttl = config.sessionCache().ttl();
        this.enabled = !ttl.isZero() && !ttl.isNegative() && config.sessionCache().maxSize() > 0;
        this.sessions = Caffeine.newBuilder().maximumSize(Math.max(1, config.sessionCache().maxSize()))
                .expireAfterWrite(enabled ? ttl : Duration.ofSeconds(1)).build();
        this.url = url;
        this.username = username;
        this.password = password;
    }

    void start(@Observes StartupEvent event) {
        if (enabled) {
            Thread thread = new Thread(this::listen, "kindred-access-listener");
            thread.setDaemon(true);
            thread.start();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        stopServing();
    }

    /** The remembered answer for this session and account, if any may be served now. */
    Optional<Live> cached(UUID sessionId, UUID accountId) {
        if (!listening) {
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
        return epoch.get();
    }

    /** Remembers what the database said, unless something changed since {@code epochBefore} was read. */
    void remember(UUID sessionId, Live live, long epochBefore) {
        if (listening && epoch.get() == epochBefore) {
            sessions.put(sessionId, live);
            if (epoch.get() != epochBefore) {
                sessions.invalidate(sessionId); // a change raced the write: forget rather than risk it
            }
        }
    }

    /** Forgets one session (revoked, expired early, deleted). */
    public void forgetSession(UUID sessionId) {
        epoch.incrementAndGet();
        sessions.invalidate(sessionId);
    }

    /** Forgets every session of an account (status, roles or guidelines changed, or the account deleted). */
    public void forgetAccount(UUID accountId) {
        epoch.incrementAndGet();
        sessions.asMap().values().removeIf(live -> live.accountId().equals(accountId));
    }

    /** Whether answers may be served from memory now (the listener is connected and listening). */
    public boolean serving() {
        return listening;
    }

    /**
     * Waits until the listener has read every notification committed before this call (it sends one of its own and
     * waits to receive it: notifications arrive in commit order). For tests that change rows behind the API's back.
     */
    public boolean awaitCaughtUp(Connection connection, Duration timeout) throws SQLException, InterruptedException {
        if (!listening) {
            return true; // nothing is served from memory
        }
        String token = UUID.randomUUID().toString();
        CountDownLatch latch = new CountDownLatch(1);
        syncs.put(token, latch);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_notify('" + CHANNEL + "', 'sync:" + token + "')");
            return latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS) || !listening;
        } finally {
            syncs.remove(token);
        }
    }

    private void listen() {
        long backoff = 200;
        while (!stopping) {
            try (Connection connection = ListenConnections.open(url, username, password, "kindred-access-listener")) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                sessions.invalidateAll(); // empty anyway; whatever was missed while not listening is gone
                epoch.incrementAndGet();
                listening = true;
                backoff = 200;
                receive(connection);
            } catch (SQLException | RuntimeException e) {
                stopServing();
                if (stopping) {
                    return;
                }
                LOG.warnf("session cache listener lost its database connection (%s): every session check asks the "
                        + "database until it listens again; retrying in %d ms", e.getClass().getSimpleName(), backoff);
                if (!sleep(backoff)) {
                    return;
                }
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
    }

    /**
     * Reads notifications until the connection fails. After each quiet second it notifies itself and expects to hear
     * that back within {@link #ECHO_TIMEOUT_MILLIS}: a connection that cannot deliver notifications (dead without
     * an error, or behind a transaction-pooling proxy that dropped the LISTEN) stops the cache like a failed one.
     */
    private void receive(Connection connection) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        String echo = null;
        long echoSentAt = 0;
        while (!stopping) {
            PGNotification[] received = pg.getNotifications(1000);
            boolean quiet = received == null || received.length == 0;
            for (PGNotification notification : quiet ? new PGNotification[0] : received) {
                if (echo != null && notification.getParameter().equals("echo:" + echo)) {
                    echo = null;
                } else {
                    apply(notification.getParameter());
                }
            }
            if (echo != null && System.nanoTime() - echoSentAt > ECHO_TIMEOUT_MILLIS * 1_000_000) {
                throw new SQLException("the listener did not hear its own notification back");
            }
            if (quiet && echo == null) {
                echo = UUID.randomUUID().toString();
                echoSentAt = System.nanoTime();
                try (Statement statement = connection.createStatement()) {
                    statement.setQueryTimeout(2);
                    statement.execute("SELECT pg_notify('" + CHANNEL + "', 'echo:" + echo + "')");
                }
            }
        }
    }

    private void apply(String payload) {
        try {
            if (payload.startsWith("s:")) {
                forgetSession(UUID.fromString(payload.substring(2)));
            } else if (payload.startsWith("a:")) {
                forgetAccount(UUID.fromString(payload.substring(2)));
            } else if (payload.startsWith("sync:")) {
                CountDownLatch latch = syncs.get(payload.substring(5));
                if (latch != null) {
                    latch.countDown();
                }
            }
        } catch (IllegalArgumentException e) {
            // not a notification of ours: a malformed id names nothing to forget
        }
    }

    private void stopServing() {
        listening = false;
        epoch.incrementAndGet();
        sessions.invalidateAll();
    }

    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
