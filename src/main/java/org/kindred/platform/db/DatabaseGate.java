package org.kindred.platform.db;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.kindred.platform.error.DatabaseOutage;
import org.kindred.platform.error.Problem;
import org.kindred.platform.error.ProblemMediaType;
import org.kindred.platform.web.HttpEdge;

import io.agroal.api.AgroalDataSource;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
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
 * 503 with Retry-After at once, without touching the pool. A probe on a thread of its own tries a pooled connection
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
    private final AtomicBoolean open = new AtomicBoolean();
    private final ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kindred-db-probe");
        t.setDaemon(true);
        return t;
    });

    public DatabaseGate(@ConfigProperty(name = "kindred.db.outage-breaker", defaultValue = "1S") Duration interval,
            AgroalDataSource dataSource) {
        this.interval = interval;
        this.dataSource = dataSource;
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
     * the gate: a read-only primary, a statement timeout or a full disk fail that request, not the next one.
     */
    public void outageSeen(Throwable failure) {
        if (interval.isZero() || !DatabaseOutage.unreachable(failure) || !open.compareAndSet(false, true)) {
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
        JsonObject body = new JsonObject().put("type", Problem.TYPE_PREFIX + "unavailable")
                .put("title", "Service unavailable").put("status", 503).put("detail", DETAIL)
                .put("instance", ctx.normalizedPath());
        ctx.response().setStatusCode(503)
                .putHeader(HttpHeaders.CONTENT_TYPE, ProblemMediaType.APPLICATION_PROBLEM_JSON)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader("Retry-After", Long.toString(RETRY_AFTER_SECONDS)).end(body.encode());
    }
}
