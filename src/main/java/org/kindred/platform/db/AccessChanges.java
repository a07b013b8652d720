package org.kindred.platform.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * What this replica hears of changes to access facts, for the per-replica memories that answer access checks without
 * a query (issue 20: {@code accounts.LiveSessions} for session checks, {@code groups.LiveGroupFacts} for a group's
 * facts and the caller's membership). Triggers (migrations V32, V33) send {@code pg_notify('kindred_access', ...)} at
 * commit when a row such a memory holds changes; one thread per replica LISTENs on a connection of its own and hands
 * each payload to every {@link Subscriber}.
 * <p>
 * Fail-safe rules every memory relies on:
 * <ul>
 * <li>Nothing may be served from memory unless {@link #serving()}: before the first LISTEN, and from the moment the
 * connection fails until a new one listens, every check asks the database, and every memory is emptied.</li>
 * <li>An answer read from the database may be remembered only if {@link #epoch()} did not move while it was read: it
 * moves with every notification and every local forgetting, so a change committed during the read cannot be
 * overwritten by the old answer.</li>
 * <li>After each quiet second the listener notifies itself and must hear it back within 2 s, so a connection that
 * silently stopped delivering (dead, or behind a transaction-pooling proxy that dropped the LISTEN) stops serving
 * within about 3 s.</li>
 * </ul>
 */
@ApplicationScoped
public class AccessChanges {

    /** The notification channel the triggers send on. */
    public static final String CHANNEL = "kindred_access";

    /** The listener's {@code application_name}, as an operator sees it in {@code pg_stat_activity}. */
    public static final String LISTENER = "kindred-access-listener";

    private static final Logger LOG = Logger.getLogger(AccessChanges.class);

    /** How long the listener waits to hear its own notification back before it stops serving and reconnects. */
    private static final long ECHO_TIMEOUT_MILLIS = 2000;

    /** A memory of access facts that forgets what the notifications name. */
    public interface Subscriber {

        /** Whether this memory is switched on (a listener runs if any is). */
        boolean enabled();

        /** A notification's payload, e.g. {@code s:<session id>}; payloads of other subscribers are ignored. */
        void changed(String payload);

        /** Forget everything: the listener stopped, or starts listening again after missing notifications. */
        void forgetAll();
    }

    private final Instance<Subscriber> subscribers;
    private final AtomicLong epoch = new AtomicLong();
    private final String url;
    private final Optional<String> username;
    private final Optional<String> password;
    private final Map<String, CountDownLatch> syncs = new ConcurrentHashMap<>();
    private volatile boolean listening;
    private volatile boolean stopping;

    public AccessChanges(Instance<Subscriber> subscribers,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.subscribers = subscribers;
        this.url = url;
        this.username = username;
        this.password = password;
    }

    void start(@Observes StartupEvent event) {
        if (subscribers.stream().anyMatch(Subscriber::enabled)) {
            Thread thread = new Thread(this::listen, LISTENER);
            thread.setDaemon(true);
            thread.start();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        stopServing();
    }

    /** Whether answers may be served from memory now (the listener is connected and listening). */
    public boolean serving() {
        return listening;
    }

    /** Read before asking the database; an answer may be remembered only if it is unchanged after. */
    public long epoch() {
        return epoch.get();
    }

    /** Whether an answer read since {@code epochBefore} may be remembered. */
    public boolean unchangedSince(long epochBefore) {
        return listening && epoch.get() == epochBefore;
    }

    /** Whether a memory with this TTL and size is switched on (a zero TTL or size turns it off). */
    public static boolean isOn(Duration ttl, int maxSize) {
        return !ttl.isZero() && !ttl.isNegative() && maxSize > 0;
    }

    /** A subscriber's memory: at most {@code maxSize} entries, each kept at most {@code ttl}. */
    public static <K, V> Cache<K, V> memory(Duration ttl, int maxSize) {
        return Caffeine.newBuilder().maximumSize(Math.max(1, maxSize))
                .expireAfterWrite(isOn(ttl, maxSize) ? ttl : Duration.ofSeconds(1)).build();
    }

    /**
     * Remembers an answer read from the database unless a change arrived since {@code epochBefore} was read (then,
     * or if one races the write, it is forgotten rather than risked).
     */
    public <K, V> void remember(Cache<K, V> memory, K key, V value, long epochBefore) {
        if (unchangedSince(epochBefore)) {
            memory.put(key, value);
            if (!unchangedSince(epochBefore)) {
                memory.invalidate(key);
            }
        }
    }

    /** Marks a local forgetting, so an answer being read meanwhile is not remembered. */
    public void moved() {
        epoch.incrementAndGet();
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
            try (Connection connection = ListenConnections.open(url, username, password, LISTENER)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                forgetAll(); // empty anyway; whatever was missed while not listening is gone
                listening = true;
                backoff = 200;
                receive(connection);
            } catch (SQLException | RuntimeException e) {
                stopServing();
                if (stopping) {
                    return;
                }
                LOG.warnf("access-change listener lost its database connection (%s): every access check asks the "
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
     * an error, or behind a transaction-pooling proxy that dropped the LISTEN) stops serving like a failed one.
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
        if (payload.startsWith("sync:")) {
            CountDownLatch latch = syncs.get(payload.substring(5));
            if (latch != null) {
                latch.countDown();
            }
            return;
        }
        epoch.incrementAndGet();
        for (Subscriber subscriber : subscribers) {
            try {
                subscriber.changed(payload);
            } catch (IllegalArgumentException e) {
                // not a notification of ours: a malformed id names nothing to forget
            }
        }
    }

    private void stopServing() {
        listening = false;
        forgetAll();
    }

    private void forgetAll() {
        epoch.incrementAndGet();
        subscribers.forEach(Subscriber::forgetAll);
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
