package org.kindred.platform.error;

import java.util.List;
import java.util.Map;

/** 409: the request conflicts with the current state (a duplicate, or the wrong state for the action). */
public class ConflictException extends ApiException {
    public ConflictException(String kind, String title, String detail) {
        super(409, kind, title, detail);
    }

    public ConflictException(String kind, String title, String detail, List<Problem.FieldError> errors,
            Map<String, Object> extensions) {
        super(409, kind, title, detail, errors, extensions, null);
    }
}
