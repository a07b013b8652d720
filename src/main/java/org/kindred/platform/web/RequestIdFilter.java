package org.kindred.platform.web;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.MDC;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Gives every request an id: a sane incoming {@code X-Request-Id} (from the ingress or the client) is kept, anything
 * else is replaced by a random UUID. The id is put in the logging MDC ({@code requestId}, a field of every JSON log
 * line written while the request runs) and echoed in the response, so an operator can find the log lines of the
 * request a user reports.
 */
@ApplicationScoped
public class RequestIdFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    /** Letters, digits, dot, dash, underscore: UUIDs and trace ids pass; nothing can break a log line. */
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    // Registered before HttpEdge (a lower @Priority observes first) so its early 405/413 answers carry the id too.
    void routes(@Observes @Priority(1) Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::tag);
    }

    private void tag(RoutingContext ctx) {
        String id = accept(ctx.request().getHeader(HEADER));
        MDC.put(MDC_KEY, id);
        ctx.response().putHeader(HEADER, id);
        ctx.next();
    }

    static String accept(String incoming) {
        return incoming != null && SANE.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
    }
}
