package org.kindred.platform.error;

import java.util.Map;

/** 422: a well-formed request that a content or business rule refuses. */
public class UnprocessableException extends ApiException {
    public UnprocessableException(String kind, String title, String detail) {
        super(422, kind, title, detail);
    }

    public UnprocessableException(String kind, String title, String detail, Map<String, Object> extensions) {
        super(422, kind, title, detail, null, extensions, null);
    }
}
