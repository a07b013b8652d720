package org.kindred.platform.security;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.kindred.platform.web.HttpEdge;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Admission for the public operations that check or set a password (sign-in, registration, password reset, recovery
 * codes): at most {@code kindred.auth.password.max-in-flight} of them are inside the service at once; the next one is
 * answered 503 with Retry-After at once, before its body is read, the rate limit is counted or a connection is taken.
 * <p>
 * {@link HashingSlots} bounds the hashing itself, but a sign-in queues for the rate limit and the account lookup
 * (pooled connections the readers need too) before it reaches the slot, so in a storm the refusal came only after
 * all three waits: measured by the fault suite (scenario 6), the slowest refusal took 2.8 s. The door turns the
 * surplus away in microseconds, and the requests inside still see at most the hashing queue's wait.
 */
@ApplicationScoped
public class SignInDoor {

    static final Set<String> PATHS = Set.of("/api/v1/auth/login", "/api/v1/auth/register",
            "/api/v1/auth/register/confirm", "/api/v1/auth/register/without-email",
            "/api/v1/auth/password-reset/confirm", "/api/v1/auth/recovery-codes/redeem");

    private final int maxInFlight;
    private final AtomicInteger inFlight = new AtomicInteger();

    public SignInDoor(AuthConfig config) {
        this.maxInFlight = Math.max(1, config.password().maxInFlight());
    }

    // Before the body handler, like DatabaseGate: a refused request's body is never read.
    void routes(@Observes @Priority(3001) Router router) {
        router.post("/api/v1/auth/*").order(HttpEdge.BEFORE_BODY).handler(this::admit);
    }

    private void admit(RoutingContext ctx) {
        if (!PATHS.contains(ctx.normalizedPath())) {
            ctx.next();
            return;
        }
        if (inFlight.incrementAndGet() > maxInFlight) {
            inFlight.decrementAndGet();
            HttpEdge.unavailable(ctx, HashingSlots.BUSY, HashingSlots.RETRY_AFTER_SECONDS);
            return;
        }
        ctx.addEndHandler(done -> inFlight.decrementAndGet());
        ctx.next();
    }

    /** How many of these requests are inside the service now (tests). */
    int inFlight() {
        return inFlight.get();
    }
}
