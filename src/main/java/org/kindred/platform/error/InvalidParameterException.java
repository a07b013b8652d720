package org.kindred.platform.error;

import jakarta.ws.rs.WebApplicationException;

/**
 * A query, path or header parameter that cannot be converted to its type. A WebApplicationException so that the
 * JAX-RS runtime passes it through unchanged (it turns other conversion failures into a 404, as the spec says).
 */
public class InvalidParameterException extends WebApplicationException {

    private final String parameter;
    private final String problem;

    public InvalidParameterException(String parameter, String problem) {
        super(parameter + ": " + problem, null, 400);
        this.parameter = parameter;
        this.problem = problem;
    }

    public String parameter() {
        return parameter;
    }

    public String problem() {
        return problem;
    }
}
