package org.kindred.platform;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.kindred.support.Problems.assertProblem;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kindred.support.Api;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A validation problem stays small whatever the body (the limits the OpenAPI document states on {@code Problem}): at
 * most 100 field errors, field names cut to 200 characters.
 */
@QuarkusTest
class ProblemLimitsTest {

    @Test
    void listsAtMostAHundredFieldErrorsAndSaysHowManyMore() {
        Map<String, Object> body = new HashMap<>(Api.registration(Api.uniqueHandle("lim")));
        body.put("languages", Collections.nCopies(150, "not a language"));
        assertProblem(Api.anonymous().body(body).post("/api/v1/auth/register").then(), 400, "validation")
                .body("errors", hasSize(100))
                // 150 invalid tags and the list's own size limit: 151 errors, 100 listed.
                .body("detail", endsWith("; and 51 more"));
    }

    @Test
    void cutsLongUnknownFieldNames() {
        Map<String, Object> body = new HashMap<>(Api.registration(Api.uniqueHandle("lim")));
        body.put("x".repeat(5000), 1);
        assertProblem(Api.anonymous().body(body).post("/api/v1/auth/register").then(), 400, "validation")
                .body("errors", hasSize(1))
                .body("errors[0].field.length()", lessThanOrEqualTo(200))
                .body("errors[0].field", endsWith("..."))
                .body("errors[0].message", equalTo("unknown field"));
    }
}
