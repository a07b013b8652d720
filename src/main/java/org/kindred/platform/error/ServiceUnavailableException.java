package org.kindred.platform.error;

import java.util.Map;

/** 503: a dependency is down or the service is saturated; safe to retry after the given delay. */
public class ServiceUnavailableException extends ApiException {
    public ServiceUnavailableException(String detail, long retryAfterSeconds) {
        super(503, "unavailable", "Service unavailable", detail, null, null,
                Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }
}
