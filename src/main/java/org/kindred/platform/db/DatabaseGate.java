package org.kindred.platform.db;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.kindred.platform.error.DatabaseOutage;
import org.kindred.platform.web.HttpEdge;

import io.agroal.api.AgroalDataSource;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The outage short circuit in front of every API request (README "Reliability under faults").
 * <p>
 * Without it, while PostgreSQL was unreachable every request waited about the pool's whole acquisition timeout:
 * Agroal makes a newcomer wait behind the threads already waiting (up to 0.9 of that timeout, on a queue no
 * connection will ever reach) before it even tries to connect, so once the readiness checks and a few requests are
 * waiting, everyone is, and a request that needs the session check and then its own transaction waits twice.
 * <p>
 * Once any request found the database unreachable ({@link DatabaseOutage#unreachable}), the gate answers API requests
 * 503 with Retry-After at once, without touching the pool. A refusal is certain; a pool that merely timed out
 * opening a connection is not (on a busy machine it opens them one at a time behind a crowd of waiting requests), so
 * the gate first tries a connection of its own, outside the pool, bounded by {@code kindred.db.connect-timeout} and
 * {@code kindred.db.outage-confirm-timeout}, and shuts only if that fails too: measured by the fault suite (scenario 6), shutting on the timeout alone answered
 * thousands of readers 503 while PostgreSQL was fine. A probe on a thread of its own tries a pooled connection
 * {@code kindred.db.outage-breaker} (1 s) later and then every as long; the first that works closes the gate. Requests
 * are never the probe, so none of them waits for it. Health probes are not gated: readiness keeps telling the truth.
 */
@ApplicationScoped
public class DatabaseGate {

    private static final Logger LOG = Logger.getLogger(DatabaseGate.class);

    /** The same answer as ProblemMapper's for a request that met the outage: clients cannot tell them apart. */
    public static final String DETAIL = "The service is briefly unavailable; try again in a few seconds";
    public static final long RETRY_AFTER_SECONDS = 5;

    private final Duration interval;
    private final AgroalDataSource dataSource;
    private final BooleanSupplier reachable;
    private final AtomicBoolean open = new AtomicBoolean();
    private final AtomicBoolean confirming = new AtomicBoolean();
    private final ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kindred-db-probe");
        t.setDaemon(true);
        return t;
    });

    @Inject
    public DatabaseGate(@ConfigProperty(name = "kindred.db.outage-breaker", defaultValue = "1S") Duration interval,
            AgroalDataSource dataSource, @ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
            @ConfigProperty(name = "kindred.db.connect-timeout", defaultValue = "1") int connectTimeoutSeconds,
            @ConfigProperty(name = "kindred.db.outage-confirm-timeout", defaultValue = "3S") Duration confirmTimeout) {
        this(interval, dataSource, () -> url.isPresent() && connects(url.get(), username.orElse(null),
                password.orElse(null), connectTimeoutSeconds, confirmTimeout));
    }

    /** With another way to tell whether PostgreSQL takes a new connection (tests). */
    DatabaseGate(Duration interval, AgroalDataSource dataSource, BooleanSupplier reachable) {
        this.interval = interval;
        this.dataSource = dataSource;
        this.reachable = reachable;
    }

    // After RequestIdFilter (@Priority(1)) and HttpEdge's screen (same order, registered before this one by its
    // default observer priority), before the body handler: a refused request's body is never read.
    void routes(@Observes @Priority(3000) Router router) {
        router.route("/api/*").order(HttpEdge.BEFORE_BODY).handler(this::gate);
    }

    private void gate(RoutingContext ctx) {
        if (open.get()) {
            refuse(ctx);
        } else {
            ctx.next();
        }
    }

    /**
     * Every request that met a database outage reports it here (ProblemMapper). Only an unreachable database closes
     * the gate: a read-only primary, a statement timeout or a full disk fail that request, not the next one. A
     * refused connection closes it at once; a timed-out one after the gate's own connection attempt failed too
     * (on the probe thread: no request waits for it).
     */
    public void outageSeen(Throwable failure) {
        if (interval.isZero() || open.get()) {
            return;
        }
        if (DatabaseOutage.refused(failure)) {
            close(failure);
        } else if (DatabaseOutage.connectTimedOut(failure) && confirming.compareAndSet(false, true)) {
            try {
                prober.execute(() -> {
                    try {
                        if (!reachable.getAsBoolean()) {
                            close(failure);
                        } else {
                            LOG.debug("A pooled connection timed out opening, but PostgreSQL takes new connections: "
                                    + "the gate stays open");
                        }
                    } finally {
                        confirming.set(false);
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                confirming.set(false);
            }
        }
    }

    /** Whether the gate is still finding out if a timed-out connection attempt means an outage (tests). */
    boolean confirming() {
        return confirming.get();
    }

    private void close(Throwable failure) {
        if (!open.compareAndSet(false, true)) {
            return;
        }
        LOG.warnf("Database unreachable (%s): API requests are answered 503 until a probe connects",
                DatabaseOutage.describe(failure));
        // Idle pooled connections may have died with the server: validate them and drop the dead ones
        // (asynchronously, on the pool's housekeeping thread), so the first requests after the outage do not meet
        // them. Live ones stay: closing every connection would make all requests open new ones at once when the gate
        // opens. A busy connection that died is dropped when its request fails (the pool's exception sorter); that
        // request's 503 does not close the gate again (a broken connection is not an unreachable database).
        dataSource.flush(AgroalDataSource.FlushMode.INVALID);
        scheduleProbe();
    }

    /**
     * One connection outside the pool, as the pool would open it: the TCP connection bounded by the connect timeout,
     * each read of the start-up exchange and the {@code SELECT 1} by the confirm timeout. Generous on purpose: while
     * the gate confirms, requests still fail one by one within the acquisition timeout, so a longer confirmation
     * costs no answer its bound; too short a one shut the gate on a merely busy machine (fault suite scenario 6 at a
     * load average of 23, with 1 s).
     */
    private static boolean connects(String url, String username, String password, int connectTimeoutSeconds,
            Duration confirmTimeout) {
        Properties properties = new Properties();
        if (username != null) {
            properties.setProperty("user", username);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", Integer.toString(Math.max(1, connectTimeoutSeconds)));
        properties.setProperty("socketTimeout",
                Long.toString(Math.max(1, (confirmTimeout.toMillis() + 999) / 1000)));
        try (Connection connection = new org.postgresql.Driver().connect(url, properties);
                Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
            return true;
        } catch (Exception e) {
            LOG.debugf("Direct connection to the database failed: %s", e.getClass().getSimpleName());
            return false;
        }
    }

    public boolean isOpen() {
        return open.get();
    }

    /**
     * Tries one pooled connection now; if it works the gate opens to requests again. Returns whether it worked.
     */
    public boolean probe() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
        } catch (Exception e) {
            LOG.debugf("Database probe failed: %s", e.getClass().getSimpleName());
            return false;
        }
        if (open.compareAndSet(true, false)) {
            LOG.info("Database reachable again: API requests are served");
        }
        return true;
    }

    /** Lets requests through at once, without a probe (tests). */
    public void reset() {
        open.set(false);
    }

    private void scheduleProbe() {
        try {
            prober.schedule(() -> {
                if (open.get() && !probe()) {
                    scheduleProbe();
                }
            }, interval.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // shutting down
        }
    }

    @PreDestroy
    void stop() {
        prober.shutdownNow();
    }

    private static void refuse(RoutingContext ctx) {
        HttpEdge.unavailable(ctx, DETAIL, RETRY_AFTER_SECONDS);
    }
}
