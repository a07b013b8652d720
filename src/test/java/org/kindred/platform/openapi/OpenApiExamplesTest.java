package org.kindred.platform.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Every operation of the committed OpenAPI document (which {@code OpenApiContractTest} holds equal to the served one)
 * shows a whole request and response a client can copy: each JSON request body and each JSON success response (the
 * lowest 2xx with content) has an example, and every example is accepted by its schema. The curated examples live in
 * {@code src/main/resources/openapi-examples/<tag>.yaml}; {@code KindredOpenApiFilter} attaches them at build time.
 */
class OpenApiExamplesTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final Path EXAMPLES = Path.of("src/main/resources/openapi-examples");

    private final JsonNode document = read();
    private final SchemaExampleValidator validator = new SchemaExampleValidator(document);

    @Test
    void everyJsonRequestBodyHasAWholeExample() {
        List<String> missing = new ArrayList<>();
        forEachOperation((name, operation) -> forEachJson(operation.path("requestBody").path("content"),
                (type, media) -> {
                    if (examples(media).isEmpty()) {
                        missing.add(name + " request " + type);
                    }
                }));
        assertTrue(missing.isEmpty(), "Add a request example to openapi-examples/<tag>.yaml for:\n"
                + String.join("\n", missing));
    }

    @Test
    void everyJsonSuccessResponseHasAWholeExample() {
        List<String> missing = new ArrayList<>();
        forEachOperation((name, operation) -> forEachJson(successContent(operation), (type, media) -> {
            if (examples(media).isEmpty()) {
                missing.add(name + " response " + type);
            }
        }));
        assertTrue(missing.isEmpty(), "Add a response example to openapi-examples/<tag>.yaml for:\n"
                + String.join("\n", missing));
    }

    @Test
    void everyExampleIsAcceptedByItsSchema() {
        List<String> problems = new ArrayList<>();
        int[] checked = {0};
        forEachOperation((name, operation) -> {
            List<JsonNode> contents = new ArrayList<>();
            contents.add(operation.path("requestBody").path("content"));
            operation.path("responses").fields().forEachRemaining(r -> {
                if (r.getKey().startsWith("2")) {
                    contents.add(r.getValue().path("content"));
                }
            });
            for (JsonNode content : contents) {
                forEachJson(content, (type, media) -> examples(media).forEach((example, value) -> {
                    checked[0]++;
                    validator.validate(value, media.path("schema"))
                            .forEach(p -> problems.add(name + " " + type + " example \"" + example + "\" " + p));
                }));
            }
        });
        assertTrue(checked[0] > 100, "only " + checked[0] + " examples found");
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyExamplesFileIsNamedAfterATag() throws IOException {
        Set<String> tags = new HashSet<>();
        forEachOperation((name, operation) -> operation.path("tags")
                .forEach(t -> tags.add(t.asText().toLowerCase(Locale.ROOT) + ".yaml")));
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            List<String> orphans = files.map(f -> f.getFileName().toString()).filter(f -> !tags.contains(f)).toList();
            assertEquals(List.of(), orphans, "the filter only reads files named after a tag: " + tags);
        }
    }

    /** The validator catches what a stale or careless example would get wrong. */
    @Test
    void theValidatorRefusesBrokenExamples() {
        JsonNode schema = document.path("components").path("schemas").path("CreatePostRequest");
        ObjectNode good = new ObjectMapper().createObjectNode().put("body", "It happened again at work today.")
                .put("anonymous", true).put("supportWanted", "LISTENING").put("replyPolicy", "GROUP");
        assertEquals(List.of(), validator.validate(good, schema));
        assertEquals(1, validator.validate(good.deepCopy().put("mood", "tired"), schema).size(), "undeclared field");
        assertEquals(1, validator.validate(good.deepCopy().put("replyPolicy", "ANYONE"), schema).size(), "enum");
        assertEquals(1, validator.validate(good.deepCopy().put("title", "x".repeat(201)), schema).size(), "length");
        assertEquals(1, validator.validate(good.deepCopy().put("anonymous", "yes"), schema).size(), "type");
        ObjectNode withoutBody = good.deepCopy();
        withoutBody.remove("body");
        assertEquals(1, validator.validate(withoutBody, schema).size(), "required");
        JsonNode post = document.path("components").path("schemas").path("Post");
        ObjectNode badIds = new ObjectMapper().createObjectNode().put("id", "not-a-uuid").put("createdAt", "yesterday");
        List<String> problems = validator.validate(badIds, post);
        assertTrue(problems.stream().anyMatch(p -> p.contains("$.id")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("$.createdAt")), problems.toString());
    }

    /** The lowest 2xx response with content, resolving a reference to a shared response. */
    private JsonNode successContent(JsonNode operation) {
        List<String> codes = new ArrayList<>();
        operation.path("responses").fieldNames().forEachRemaining(codes::add);
        for (String code : codes.stream().filter(c -> c.startsWith("2")).sorted().toList()) {
            JsonNode response = resolve(operation.path("responses").get(code));
            if (response.path("content").size() > 0) {
                return response.path("content");
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** The example values of a media type by name ({@code example} counts as one named "example"). */
    private Map<String, JsonNode> examples(JsonNode media) {
        Map<String, JsonNode> examples = new java.util.LinkedHashMap<>();
        if (media.has("example")) {
            examples.put("example", media.get("example"));
        }
        media.path("examples").fields().forEachRemaining(e -> {
            JsonNode example = resolve(e.getValue());
            if (example.has("value")) {
                examples.put(e.getKey(), example.get("value"));
            }
        });
        return examples;
    }

    private JsonNode resolve(JsonNode node) {
        if (!node.has("$ref")) {
            return node;
        }
        JsonNode target = document;
        for (String part : node.get("$ref").asText().substring(2).split("/")) {
            target = target.path(part);
        }
        return target;
    }

    private static void forEachJson(JsonNode content, BiConsumer<String, JsonNode> action) {
        content.fields().forEachRemaining(media -> {
            String type = media.getKey();
            if (type.equals("application/json") || type.endsWith("+json")) {
                action.accept(type, media.getValue());
            }
        });
    }

    private void forEachOperation(BiConsumer<String, JsonNode> action) {
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fields().forEachRemaining(op -> {
                if (METHODS.contains(op.getKey())) {
                    action.accept(op.getValue().path("operationId").asText() + " (" + op.getKey().toUpperCase()
                            + " " + path.getKey() + ")", op.getValue());
                }
            });
        }
    }

    private static JsonNode read() {
        try {
            return new ObjectMapper().readTree(Files.readString(Path.of("openapi/openapi.json")));
        } catch (IOException e) {
            throw new IllegalStateException("openapi/openapi.json: build with ./mvnw package first", e);
        }
    }
}
