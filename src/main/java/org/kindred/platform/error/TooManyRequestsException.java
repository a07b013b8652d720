package org.kindred.platform.error;

import java.util.Map;

/** 429: a rate limit was hit. Carries Retry-After and the RateLimit headers. */
public class TooManyRequestsException extends ApiException {
    public TooManyRequestsException(String detail, Map<String, String> headers) {
        super(429, "rate-limited", "Too many requests", detail, null, null, headers);
    }
}
