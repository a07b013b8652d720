package org.kindred.platform;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/** The OpenAPI document is a product: it matches what is served and documents every operation fully. */
@QuarkusTest
class OpenApiContractTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void committedDocumentEqualsTheServedOne() throws IOException {
        JsonNode served = served();
        JsonNode committed = json.readTree(Files.readString(Path.of("openapi/openapi.json")));
        assertEquals(committed, served, "openapi/openapi.json is stale: build and commit it");
        assertTrue(Files.readString(Path.of("openapi/openapi.yaml")).contains("title: Kindred API"));
    }

    @Test
    void everyOperationIsFullyDocumented() {
        JsonNode doc = served();
        List<String> problems = new ArrayList<>();
        Set<String> operationIds = new HashSet<>();
        Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields();
            while (ops.hasNext()) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode operation = op.getValue();
                JsonNode responses = operation.path("responses");
                String operationId = operation.path("operationId").asText();
                if (operationId.isBlank()) {
                    problems.add(name + ": no operationId (client generators name their methods after it)");
                } else if (!operationIds.add(operationId)) {
                    problems.add(name + ": operationId " + operationId + " is used twice");
                }
                if (operation.path("summary").asText().isBlank()) {
                    problems.add(name + ": no summary");
                }
                if (operation.path("description").asText().isBlank()) {
                    problems.add(name + ": no description");
                }
                if (!operation.has("tags") || operation.path("tags").isEmpty()) {
                    problems.add(name + ": no tag");
                }
                if (!operation.has("security")) {
                    problems.add(name + ": no explicit security requirement (use [] for public operations)");
                }
                boolean secured = operation.path("security").size() > 0;
                if (secured && !responses.has("401")) {
                    problems.add(name + ": secured but no 401");
                }
                if (path.getKey().startsWith("/api/") && !responses.has("429")) {
                    problems.add(name + ": no 429");
                }
                if (operation.has("requestBody")
                        && !(responses.has("400") && responses.has("413") && responses.has("415"))) {
                    problems.add(name + ": takes a body but does not document 400, 413 and 415");
                }
                if (takesQueryParameters(doc, operation) && !responses.has("400")) {
                    problems.add(name + ": takes query parameters but does not document 400");
                }
                if (!responses.has("500")) {
                    problems.add(name + ": no 500");
                }
                if (path.getKey().contains("{") && path.getKey().startsWith("/api/") && !responses.has("404")
                        && !responses.has("400")) {
                    problems.add(name + ": has a path parameter but no 404");
                }
                boolean success = false;
                Iterator<String> codes = responses.fieldNames();
                while (codes.hasNext()) {
                    String code = codes.next();
                    success |= code.startsWith("2") || code.equals("304");
                    JsonNode response = responses.get(code);
                    response.path("content").fields().forEachRemaining(media -> {
                        if (!media.getValue().has("schema")) {
                            problems.add(name + " " + code + " " + media.getKey() + ": content without a schema");
                        }
                    });
                    if (code.startsWith("4") || code.startsWith("5")) {
                        if (!response.has("$ref")) {
                            problems.add(
                                    name + " " + code + ": error responses must reference a shared problem response");
                        }
                    }
                }
                if (!success) {
                    problems.add(name + ": no success response");
                }
            }
        }
        JsonNode components = doc.path("components").path("responses");
        components.fields().forEachRemaining(r -> {
            if (!r.getValue().path("content").path("application/problem+json").has("examples")) {
                problems.add("component response " + r.getKey() + ": no example");
            }
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** Query parameters can be malformed (a 400); parameters may be references to components. */
    private static boolean takesQueryParameters(JsonNode doc, JsonNode operation) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.has("$ref")) {
                String ref = parameter.get("$ref").asText();
                parameter = doc.path("components").path("parameters").path(ref.substring(ref.lastIndexOf('/') + 1));
            }
            if (parameter.path("in").asText().equals("query")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The PUTs that take no {@code If-Match}, each for a reason its description states (and README's API conventions
     * list): set-membership PUTs with no representation to version, a one-field personal choice replaced whole, and
     * the password change, which proves the state it replaces with {@code currentPassword}.
     */
    private static final Set<String> IF_MATCH_EXEMPT = Set.of("blockAccount", "muteAccount", "addReaction",
            "setThreadSubscription", "changePassword", "setMyJournalPassphrase");

    /** Issue 17: "If-Match on every PATCH/PUT (412 on mismatch)", unless exempt for a documented reason. */
    @Test
    void everyPatchAndPutHonoursIfMatchOrDocumentsWhyNot() {
        JsonNode doc = served();
        List<String> problems = new ArrayList<>();
        Set<String> exemptSeen = new HashSet<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!op.getKey().equals("put") && !op.getKey().equals("patch")) {
                return;
            }
            JsonNode operation = op.getValue();
            String operationId = operation.path("operationId").asText();
            String name = op.getKey().toUpperCase() + " " + path.getKey() + " (" + operationId + ")";
            boolean declares = declaresHeader(doc, path.getValue(), operation, "If-Match");
            if (IF_MATCH_EXEMPT.contains(operationId)) {
                exemptSeen.add(operationId);
                if (declares) {
                    problems.add(name + ": declares If-Match, so it should not be on the exemption list");
                } else if (!operation.path("description").asText().contains("Takes no `If-Match`")) {
                    problems.add(name + ": exempt from If-Match without saying why in its description");
                }
            } else if (!declares) {
                problems.add(name + ": neither declares an If-Match header nor is a documented exemption");
            } else if (!operation.path("responses").has("412")) {
                problems.add(name + ": declares If-Match but not its 412 answer");
            }
        }));
        assertEquals(List.of(), problems);
        assertEquals(IF_MATCH_EXEMPT, exemptSeen, "every exemption names a served operation");
    }

    private static boolean declaresHeader(JsonNode doc, JsonNode pathItem, JsonNode operation, String header) {
        List<JsonNode> parameters = new ArrayList<>();
        pathItem.path("parameters").forEach(parameters::add);
        operation.path("parameters").forEach(parameters::add);
        for (JsonNode parameter : parameters) {
            if (parameter.has("$ref")) {
                String ref = parameter.get("$ref").asText();
                parameter = doc.path("components").path("parameters").path(ref.substring(ref.lastIndexOf('/') + 1));
            }
            if (parameter.path("in").asText().equals("header")
                    && parameter.path("name").asText().equalsIgnoreCase(header)) {
                return true;
            }
        }
        return false;
    }

    private JsonNode served() {
        try {
            return json.readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
