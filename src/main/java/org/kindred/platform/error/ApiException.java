package org.kindred.platform.error;

import java.util.List;
import java.util.Map;

/**
 * Base of every error the API reports on purpose. {@code kind} becomes the problem type URI
 * ({@code urn:kindred:problem:<kind>}); {@code detail} must be safe to show to end users.
 */
public abstract class ApiException extends RuntimeException {

    private final int status;
    private final String kind;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Map<String, Object> extensions;
    private final Map<String, String> headers;

    protected ApiException(int status, String kind, String title, String detail, List<Problem.FieldError> errors,
            Map<String, Object> extensions, Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.kind = kind;
        this.title = title;
        this.errors = errors;
        this.extensions = extensions;
        this.headers = headers == null ? Map.of() : headers;
    }

    protected ApiException(int status, String kind, String title, String detail) {
        this(status, kind, title, detail, null, null, null);
    }

    public int status() {
        return status;
    }

    public String kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
