package org.kindred.library.feeds;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.kindred.platform.web.HttpEdge;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * CORS for the feeds: any origin, no credentials, so any partner site can embed them from the browser. The API's
 * CORS filter allows only the configured origins and rejects others with 403, preflights included, so this route runs
 * before it: it answers feed preflights itself, and for feed reads it takes the Origin header out of the filter's
 * sight and adds {@code Access-Control-Allow-Origin: *}. {@code X-Api-Key} is deliberately not an allowed header:
 * keys belong on servers, not in web pages.
 */
@ApplicationScoped
public class FeedCors {

    static final String PATH = "/api/v1/feeds/*";
    static final String ALLOWED_METHODS = "GET, HEAD, OPTIONS";
    static final String ALLOWED_HEADERS = "If-None-Match, If-Modified-Since";
    static final String EXPOSED_HEADERS = "ETag, Link, Retry-After, RateLimit, RateLimit-Policy";
    static final String MAX_AGE_SECONDS = "86400";

    void routes(@Observes Router router) {
        router.route(PATH).order(HttpEdge.BEFORE_BODY).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        String origin = ctx.request().getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            ctx.next();
            return;
        }
        if (ctx.request().method() == HttpMethod.OPTIONS
                && ctx.request().getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null) {
            ctx.response().setStatusCode(204)
                    .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                    .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, ALLOWED_METHODS)
                    .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, ALLOWED_HEADERS)
                    .putHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, MAX_AGE_SECONDS)
                    .end();
            return;
        }
        ctx.request().headers().remove(HttpHeaders.ORIGIN);
        ctx.addHeadersEndHandler(v -> ctx.response().headers()
                .set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .set(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED_HEADERS)
                .set("Cross-Origin-Resource-Policy", "cross-origin"));
        ctx.next();
    }
}
