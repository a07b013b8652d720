package org.kindred.platform.error;

import java.util.Map;

/** 401: no credentials, or credentials that are wrong, expired or revoked. */
public class UnauthorizedException extends ApiException {
    public UnauthorizedException(String kind, String detail) {
        super(401, kind, "Unauthorized", detail, null, null, Map.of("WWW-Authenticate", "Bearer"));
    }
}
