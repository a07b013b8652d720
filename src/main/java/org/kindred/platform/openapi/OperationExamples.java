package org.kindred.platform.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Attaches the curated whole examples of {@code src/main/resources/openapi-examples/<tag>.yaml} (one file per tag, in
 * lower case; the format is described at the top of each file) to the operations, keyed by {@code operationId}: the
 * {@code request} example on every JSON media type of the request body, the {@code response} example on every JSON
 * media type of the lowest 2xx response with content. Examples already in the document are kept. An example for an
 * operation the document does not have, or for a body the operation does not have, fails the build, so stale examples
 * cannot linger.
 */
final class OperationExamples {

    static final String DIRECTORY = "openapi-examples/";
    static final String EXAMPLE_NAME = "example";

    private static final YAMLMapper YAML = new YAMLMapper();

    private OperationExamples() {
    }

    /** Adds the examples of every tag's file to the operations of the document. */
    static void attach(OpenAPI openAPI) {
        Map<String, Operation> operations = new LinkedHashMap<>();
        Set<String> tags = new TreeSet<>();
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            for (PathItem item : openAPI.getPaths().getPathItems().values()) {
                if (item.getOperations() == null) {
                    continue;
                }
                for (Operation operation : item.getOperations().values()) {
                    if (operation.getOperationId() != null) {
                        operations.put(operation.getOperationId(), operation);
                    }
                    if (operation.getTags() != null) {
                        tags.addAll(operation.getTags());
                    }
                }
            }
        }
        for (String tag : tags) {
            String file = DIRECTORY + tag.toLowerCase(Locale.ROOT) + ".yaml";
            load(file).forEach((operationId, examples) -> {
                Operation operation = operations.get(operationId);
                if (operation == null) {
                    throw new IllegalStateException(file + ": there is no operation " + operationId
                            + " in the OpenAPI document; rename or remove its examples");
                }
                attach(file, operationId, operation, examples);
            });
        }
    }

    private static void attach(String file, String operationId, Operation operation,
            Map<String, Map<String, Object>> examples) {
        for (Map.Entry<String, Map<String, Object>> entry : examples.entrySet()) {
            String where = file + ": " + operationId + "." + entry.getKey();
            Map<String, Object> example = entry.getValue();
            if (example == null || !(example.get("summary") instanceof String summary) || summary.isBlank()
                    || !example.containsKey("value") || example.size() != 2) {
                throw new IllegalStateException(where + " must have exactly a summary and a value");
            }
            Content content = switch (entry.getKey()) {
                case "request" -> operation.getRequestBody() == null ? null : operation.getRequestBody().getContent();
                case "response" -> successContent(operation);
                default -> throw new IllegalStateException(where + ": only request and response examples are known");
            };
            List<MediaType> media = jsonMediaTypes(content);
            if (media.isEmpty()) {
                throw new IllegalStateException(where + ": the operation has no JSON " + entry.getKey() + " body");
            }
            for (MediaType type : media) {
                type.addExample(EXAMPLE_NAME, OASFactory.createExample().summary(summary).value(example.get("value")));
            }
        }
    }

    /** The content of the lowest 2xx response that has any, or null. */
    static Content successContent(Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return null;
        }
        return operation.getResponses().getAPIResponses().entrySet().stream()
                .filter(e -> e.getKey().startsWith("2") && e.getValue().getRef() == null)
                .sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).map(APIResponse::getContent)
                .filter(c -> c != null && c.getMediaTypes() != null && !c.getMediaTypes().isEmpty()).findFirst()
                .orElse(null);
    }

    /** {@code application/json} and the {@code +json} media types (merge patches, feeds) of the content. */
    private static List<MediaType> jsonMediaTypes(Content content) {
        if (content == null || content.getMediaTypes() == null) {
            return List.of();
        }
        return content.getMediaTypes().entrySet().stream().filter(e -> isJson(e.getKey())).map(Map.Entry::getValue)
                .toList();
    }

    static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    private static Map<String, Map<String, Map<String, Object>>> load(String file) {
        try (InputStream in = OperationExamples.class.getClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                return Map.of();
            }
            Map<String, Map<String, Map<String, Object>>> examples = YAML.readValue(in, new TypeReference<>() {
            });
            return examples == null ? Map.of() : examples;
        } catch (IOException e) {
            throw new IllegalStateException(file + " is not valid YAML: " + e.getMessage(), e);
        }
    }
}
