package org.kindred.platform.ratelimit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

import org.kindred.platform.error.TooManyRequestsException;
import org.kindred.platform.security.CurrentUser;

import io.vertx.core.http.HttpServerRequest;

/**
 * The rate limits of the request being served: the decision {@link RateLimitFilter} took for the endpoint's action
 * class, and any other class a service counts the request against. An endpoint whose requests only sometimes check a
 * password (PATCH /api/v1/me changing the e-mail) calls {@link #consume} with PASSWORD just before the check, so every
 * password guess is throttled alike without throttling the requests that check none.
 */
@RequestScoped
public class RequestLimits {

    private final RateLimiter limiter;
    private final CurrentUser currentUser;
    private final HttpServerRequest request;
    private RateLimiter.Decision reported;

    public RequestLimits(RateLimiter limiter, CurrentUser currentUser, HttpServerRequest request) {
        this.limiter = limiter;
        this.currentUser = currentUser;
        this.request = request;
    }

    /**
     * Counts this request against {@code action} too, per client IP and per account; a 429 with Retry-After when a
     * bucket is empty, before the caller does anything.
     */
    public void consume(ActionClass action) {
        if (!limiter.enabled()) {
            return;
        }
        report(limiter.consume(action, clientIp(request), currentUser.accountId()));
    }

    /**
     * Refuses with 429 when {@code action}'s IP or account bucket is empty, without taking a token: for a check that
     * counts only its failures (a wrong journal passphrase), so a correct guess never slips past an exhausted limit
     * and a member's own correct uses never run it down.
     */
    public void requireLeft(ActionClass action) {
        if (!limiter.enabled()) {
            return;
        }
        report(limiter.peek(action, clientIp(request), currentUser.accountId()));
    }

    /** Counts this request against {@code action}'s bucket for {@code subject} (see {@link RateLimiter#consumeForSubject}). */
    public void consumeFor(ActionClass action, String subject) {
        if (!limiter.enabled()) {
            return;
        }
        report(limiter.consumeForSubject(action, subject));
    }

    /** Keeps the decision closest to exhaustion for the response headers; a refusal ends the request. */
    void report(RateLimiter.Decision decision) {
        if (!decision.allowed()) {
            Map<String, String> headers = new LinkedHashMap<>(headers(decision));
            headers.put("Retry-After", Long.toString(decision.resetSeconds()));
            throw new TooManyRequestsException("Too many requests of this kind; try again in " + decision.resetSeconds()
                    + " seconds", headers);
        }
        if (reported == null || decision.remaining() <= reported.remaining()) {
            reported = decision;
        }
    }

    Optional<RateLimiter.Decision> reported() {
        return Optional.ofNullable(reported);
    }

    /** The client's address (behind a trusted proxy, the forwarded one; see quarkus.http.proxy.*). */
    static String clientIp(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().host();
    }

    static Map<String, String> headers(RateLimiter.Decision d) {
        return Map.of("RateLimit-Policy", d.policyHeader(),
                "RateLimit", "\"" + d.policy() + "\";r=" + d.remaining() + ";t=" + d.resetSeconds());
    }
}
