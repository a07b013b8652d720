package org.kindred.platform.error;

import java.util.List;

/** 400: the request is malformed or a field or parameter is invalid. */
public class BadRequestException extends ApiException {
    public static final String VALIDATION = "validation";

    public BadRequestException(String detail, List<Problem.FieldError> errors) {
        super(400, VALIDATION, "Invalid request", detail, errors, null, null);
    }

    public BadRequestException(String field, String message) {
        this(field + ": " + message, List.of(new Problem.FieldError(field, message)));
    }

    public BadRequestException(String kind, String title, String detail) {
        super(400, kind, title, detail);
    }
}
