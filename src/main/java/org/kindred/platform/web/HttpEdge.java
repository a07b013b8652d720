package org.kindred.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.kindred.platform.error.Problem;
import org.kindred.platform.error.ProblemMediaType;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Errors that happen before a request reaches JAX-RS get problem+json too: a body over the limit (by its
 * Content-Length, or when the body handler trips on a chunked body), a chunked body where only uploads may be chunked
 * (411), and TRACE, which is never served. The limit is 64 KiB except on a {@link LargeBodyRoute} (uploads), which has
 * its own.
 */
@ApplicationScoped
public class HttpEdge {

    static final long MAX_BODY_BYTES = 64 * 1024;
    /**
     * After Quarkus' response-header routes (order MIN_VALUE, added after this observer runs), so refusals carry the
     * configured security headers, and before its body handler (MIN_VALUE + 1, also added later), so no body is read.
     */
    public static final int BEFORE_BODY = Integer.MIN_VALUE + 1;

    private final Instance<LargeBodyRoute> largeBodyRoutes;

    public HttpEdge(Instance<LargeBodyRoute> largeBodyRoutes) {
        this.largeBodyRoutes = largeBodyRoutes;
    }

    void routes(@Observes Router router) {
        router.route().order(BEFORE_BODY).handler(this::screen);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failure);
    }

    private void screen(RoutingContext ctx) {
        if ("TRACE".equals(ctx.request().method().name())) {
            ctx.response().putHeader("Allow", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
            write(ctx, 405, "method-not-allowed", "Method not allowed", "TRACE is not supported");
            return;
        }
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                long max = maxBodyBytes(ctx);
                if (Long.parseLong(length.trim()) > max) {
                    tooLarge(ctx, max);
                    return;
                }
            } catch (NumberFormatException e) {
                write(ctx, 400, "bad-request", "Bad request", "Content-Length is not a number");
                return;
            }
        } else if (chunked(ctx) && maxBodyBytes(ctx) == MAX_BODY_BYTES) {
            // The body handler's own limit is the uploads' (10 MiB); a chunked body elsewhere would be read up to it
            // before anything could refuse it. JSON bodies have a length: ask for it.
            write(ctx, 411, "length-required", "Length required",
                    "Send the body with a Content-Length (at most 64 KiB); chunked bodies are accepted only for uploads");
            return;
        }
        ctx.next();
    }

    private static boolean chunked(RoutingContext ctx) {
        String encoding = ctx.request().getHeader(HttpHeaders.TRANSFER_ENCODING);
        return encoding != null && encoding.toLowerCase(java.util.Locale.ROOT).contains("chunked");
    }

    private void failure(RoutingContext ctx) {
        if (ctx.statusCode() == 413 && !ctx.response().headWritten()) {
            tooLarge(ctx, maxBodyBytes(ctx));
        } else {
            ctx.next();
        }
    }

    private long maxBodyBytes(RoutingContext ctx) {
        String method = ctx.request().method().name();
        String path = ctx.normalizedPath();
        for (LargeBodyRoute route : largeBodyRoutes) {
            if (route.matches(method, path)) {
                return route.maxBytes();
            }
        }
        return MAX_BODY_BYTES;
    }

    private static void tooLarge(RoutingContext ctx, long max) {
        ctx.response().putHeader("Connection", "close");
        String limit = max % (1024 * 1024) == 0 ? max / (1024 * 1024) + " MiB" : max / 1024 + " KiB";
        write(ctx, 413, "payload-too-large", "Payload too large", "The request body is larger than " + limit);
    }

    /**
     * A 503 with Retry-After answered before JAX-RS (DatabaseGate, SignInDoor): the same problem+json ProblemMapper
     * writes for a 503, so clients cannot tell where it came from.
     */
    public static void unavailable(RoutingContext ctx, String detail, long retryAfterSeconds) {
        ctx.response().putHeader("Retry-After", Long.toString(retryAfterSeconds));
        write(ctx, 503, "unavailable", "Service unavailable", detail);
    }

    private static void write(RoutingContext ctx, int status, String kind, String title, String detail) {
        JsonObject body = new JsonObject().put("type", Problem.TYPE_PREFIX + kind).put("title", title)
                .put("status", status)
                .put("detail", detail).put("instance", ctx.normalizedPath());
        ctx.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, ProblemMediaType.APPLICATION_PROBLEM_JSON)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end(body.encode());
    }
}
