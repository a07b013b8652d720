package org.kindred.platform.openapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.jboss.resteasy.reactive.server.core.Deployment;
import org.jboss.resteasy.reactive.server.handlers.ClassRoutingHandler;
import org.jboss.resteasy.reactive.server.handlers.RestInitialHandler;
import org.jboss.resteasy.reactive.server.mapping.RequestMapper;
import org.jboss.resteasy.reactive.server.mapping.RuntimeResource;
import org.jboss.resteasy.reactive.server.spi.ServerRestHandler;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.resteasy.reactive.server.runtime.ResteasyReactiveRecorder;
import io.quarkus.test.junit.QuarkusTest;

/**
 * API inventory (OWASP API9): every route the application serves is in the OpenAPI document, and every operation in
 * the document is served. The served routes come from Quarkus REST's runtime deployment (the routing tables requests
 * are actually matched against), not from annotations, so a resource that is registered but hidden from the document
 * ({@code @Operation(hidden = true)}, a missing {@code @Path} scan) or documented but not deployed is caught. The
 * operational endpoints under {@code /q/} (health, metrics, the OpenAPI document itself, Swagger UI) are Vert.x routes
 * outside the API and deliberately not part of the document.
 */
@QuarkusTest
class ApiInventoryTest {

    private static final Set<String> METHODS = Set.of("GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS",
            "TRACE");
    /** {@code {id: [0-9]+}} and {@code {id}} are the same path parameter to a client. */
    private static final Pattern PARAMETER_REGEX = Pattern.compile("\\{\\s*(\\w+)\\s*:[^}]*}");

    @Test
    void everyServedRouteIsDocumentedAndEveryDocumentedOperationIsServed() {
        SortedSet<String> served = servedRoutes();
        SortedSet<String> documented = documentedOperations();
        assertTrue(served.size() > 50, "found too few served routes to trust the comparison: " + served);

        SortedSet<String> undocumented = new TreeSet<>(served);
        undocumented.removeAll(documented);
        SortedSet<String> notServed = new TreeSet<>(documented);
        notServed.removeAll(served);
        List<String> problems = new ArrayList<>();
        undocumented.forEach(route -> problems.add("served but not in the OpenAPI document: " + route));
        notServed.forEach(route -> problems.add("in the OpenAPI document but not served: " + route));
        if (!problems.isEmpty()) {
            fail(problems.size() + " inventory differences:\n" + String.join("\n", problems));
        }
        assertEquals(served, documented);
    }

    @Test
    void theInventoryNormalisesPathTemplates() {
        assertEquals("/api/v1/posts/{postId}/reactions/{kind}",
                normalise("/api/v1/posts/{postId: [0-9a-f-]+}/reactions/{ kind }/"));
        assertEquals("/api/v1/groups", normalise("//api/v1//groups"));
    }

    /** (METHOD path-template) of every resource method Quarkus REST routes requests to. */
    static SortedSet<String> servedRoutes() {
        Deployment deployment = ResteasyReactiveRecorder.getCurrentDeployment();
        assertTrue(deployment != null, "Quarkus REST is not deployed");
        String prefix = deployment.getPrefix() == null ? "" : deployment.getPrefix();
        SortedSet<String> routes = new TreeSet<>();
        for (RequestMapper.RequestPath<RestInitialHandler.InitialMatch> classPath : deployment.getClassMappers()) {
            for (ServerRestHandler handler : classPath.value.handlers) {
                if (!(handler instanceof ClassRoutingHandler routing)) {
                    continue;
                }
                for (Map.Entry<String, RequestMapper<RuntimeResource>> byMethod : routing.getMappers().entrySet()) {
                    for (RequestMapper.RequestPath<RuntimeResource> method : byMethod.getValue().getTemplates()) {
                        RuntimeResource resource = method.value;
                        String httpMethod = resource.getHttpMethod();
                        assertTrue(httpMethod != null && METHODS.contains(httpMethod),
                                "a resource without an HTTP method (sub-resource locator?) is not supported here: "
                                        + resource);
                        String classTemplate = resource.getClassPath() == null ? "" : resource.getClassPath().template;
                        String methodTemplate = resource.getPath() == null ? "" : resource.getPath().template;
                        routes.add(httpMethod + " " + normalise(prefix + "/" + classTemplate + "/" + methodTemplate));
                    }
                }
            }
        }
        return routes;
    }

    /** (METHOD path-template) of every operation in the served OpenAPI document. */
    static SortedSet<String> documentedOperations() {
        JsonNode doc;
        try {
            doc = new ObjectMapper().readTree(
                    given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        SortedSet<String> operations = new TreeSet<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(key -> {
            String method = key.toUpperCase(java.util.Locale.ROOT);
            if (METHODS.contains(method)) {
                operations.add(method + " " + normalise(path.getKey()));
            }
        }));
        return operations;
    }

    static String normalise(String path) {
        String result = PARAMETER_REGEX.matcher(path).replaceAll("{$1}").replaceAll("\\{\\s*(\\w+)\\s*}", "{$1}")
                .replaceAll("/+", "/");
        if (result.length() > 1 && result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result.isEmpty() ? "/" : result;
    }
}
