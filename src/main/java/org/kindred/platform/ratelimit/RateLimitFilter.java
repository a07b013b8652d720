package org.kindred.platform.ratelimit;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;
import org.kindred.platform.security.CurrentPartner;
import org.kindred.platform.security.CurrentUser;

import io.vertx.core.http.HttpServerRequest;

/**
 * Applies the rate limit of the endpoint's action class (or, for a request made with a partner API key, the key's own
 * limit), answers 429 with Retry-After when it is exhausted, and adds the IETF draft {@code RateLimit-Policy} and
 * {@code RateLimit} headers to every API response.
 */
public class RateLimitFilter {

    private static final Map<String, Optional<ActionClass>> DECLARED = new ConcurrentHashMap<>();

    private final RateLimiter limiter;
    private final CurrentUser currentUser;
    private final CurrentPartner currentPartner;
    private final RequestLimits requestLimits;

    public RateLimitFilter(RateLimiter limiter, CurrentUser currentUser, CurrentPartner currentPartner,
            RequestLimits requestLimits) {
        this.limiter = limiter;
        this.currentUser = currentUser;
        this.currentPartner = currentPartner;
        this.requestLimits = requestLimits;
    }

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION + 100)
    public void limit(ContainerRequestContext context, SimpleResourceInfo resource, HttpServerRequest request) {
        if (!limiter.enabled() || resource == null || resource.getResourceClass() == null) {
            return;
        }
        ActionClass action = actionOf(resource, context.getMethod());
        String ip = RequestLimits.clientIp(request);
        Optional<CurrentPartner.Identity> partner = currentPartner.get();
        RateLimiter.Decision decision = partner.isPresent()
                ? limiter.consumeForKey(partner.get().keyId(), partner.get().requestsPerMinute())
                : limiter.consume(action, ip, currentUser.accountId());
        requestLimits.report(decision);
    }

    @ServerResponseFilter
    public void addHeaders(ContainerRequestContext request, ContainerResponseContext response) {
        if (!response.getHeaders().containsKey("RateLimit")) {
            requestLimits.reported().ifPresent(decision -> RequestLimits.headers(decision)
                    .forEach((name, value) -> response.getHeaders().putSingle(name, value)));
        }
    }

    static ActionClass actionOf(SimpleResourceInfo resource, String method) {
        String id = resource.getResourceClass().getName() + "#" + resource.getMethodName();
        return DECLARED.computeIfAbsent(id, k -> declared(resource))
                .orElse("GET".equals(method) || "HEAD".equals(method) ? ActionClass.READ : ActionClass.WRITE);
    }

    private static Optional<ActionClass> declared(SimpleResourceInfo resource) {
        try {
            RateLimited annotation = resource.getResourceClass()
                    .getMethod(resource.getMethodName(), resource.parameterTypes()).getAnnotation(RateLimited.class);
            if (annotation == null) {
                annotation = resource.getResourceClass().getAnnotation(RateLimited.class);
            }
            return Optional.ofNullable(annotation).map(RateLimited::value);
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
    }
}
