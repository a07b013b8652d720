package org.kindred.platform.error;

import jakarta.ws.rs.core.MediaType;

public final class ProblemMediaType {
    public static final String APPLICATION_PROBLEM_JSON = "application/problem+json";
    public static final MediaType APPLICATION_PROBLEM_JSON_TYPE = MediaType.valueOf(APPLICATION_PROBLEM_JSON);

    private ProblemMediaType() {
    }
}
