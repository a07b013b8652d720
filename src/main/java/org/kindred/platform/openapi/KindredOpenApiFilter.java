package org.kindred.platform.openapi;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Facts that hold for every operation of the running API, applied to the generated document in one place instead of
 * being repeated on each resource method (per-field constraints stay on the request and response records):
 * <ul>
 * <li>{@code RateLimitFilter} runs for every endpoint: every response may carry {@code RateLimit} and
 * {@code RateLimit-Policy}, and every operation may answer 429 ({@code TooManyRequests}, with
 * {@code Retry-After});</li>
 * <li>the authentication layer refuses missing, invalid, expired or revoked credentials with 401 before a resource
 * method runs, so every operation with a security requirement (class- or method-level {@code @SecurityRequirement},
 * including those where credentials are optional, {@code @SecurityRequirementsSet} next to an empty one) may answer
 * 401 ({@code Unauthorized}). Public operations ({@code @SecurityRequirements} with none) get no 401 from here: sign-in
 * and refresh declare their own, for wrong credentials in the body;</li>
 * <li>the CORS layer ({@code quarkus.http.cors}, {@code FeedCors}) answers cross-origin requests with
 * {@code Access-Control-Allow-Origin};</li>
 * <li>{@code ProblemMapper} turns any unexpected error into a 500 problem+json;</li>
 * <li>{@code ETags}, {@code PageResponses}, {@code ConditionalGet} and the JAX-RS runtime shape the standard
 * headers (ETag, Link, Location, Last-Modified, ...), whose formats are stated here once;</li>
 * <li>Jackson rejects unknown fields ({@code quarkus.jackson.fail-on-unknown-properties=true}), so every schema used
 * only in request bodies is closed with {@code additionalProperties: false} (response schemas stay open: the API
 * may add fields to responses without a new version);</li>
 * <li>the built-in {@code UUID}, {@code Instant} and {@code LocalDate} schemas get the lengths of their serialised forms;</li>
 * <li>every operation gets whole request and response examples from {@code openapi-examples/<tag>.yaml}
 * ({@link OperationExamples}).</li>
 * </ul>
 * A response an operation declares itself (e.g. a 401 with its own description) is kept as it is. It runs at build
 * time, so the stored {@code openapi/} files and the served document are the same.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class KindredOpenApiFilter implements OASFilter {

    /** Headers sent on responses of every operation (defined in {@link KindredApiDefinition}). */
    static final List<String> COMMON_RESPONSE_HEADERS = List.of(Responses.RATE_LIMIT_HEADER,
            Responses.RATE_LIMIT_POLICY_HEADER, Responses.ALLOW_ORIGIN_HEADER);

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        refineBuiltInSchemas(components.getSchemas());
        List<APIResponse> responses = new ArrayList<>();
        forEachOperation(openAPI, operation -> {
            APIResponses operationResponses = operation.getResponses();
            if (hasSecurityRequirement(operation, openAPI.getSecurity())) {
                addIfAbsent(operationResponses, "401", Responses.UNAUTHORIZED);
            }
            addIfAbsent(operationResponses, "429", Responses.TOO_MANY_REQUESTS);
            addIfAbsent(operationResponses, "500", Responses.INTERNAL_SERVER_ERROR);
            sortByStatus(operationResponses);
            responses.addAll(operationResponses.getAPIResponses().values());
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(KindredOpenApiFilter::constrainParameter);
            }
        });
        if (components.getResponses() != null) {
            responses.addAll(components.getResponses().values());
        }
        for (APIResponse response : responses) {
            if (response.getRef() != null) {
                continue;
            }
            for (String name : COMMON_RESPONSE_HEADERS) {
                if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
                    response.addHeader(name, OASFactory.createHeader().ref(name));
                }
            }
            response.getHeaders().forEach(KindredOpenApiFilter::constrainHeader);
        }
        closeRequestOnlySchemas(openAPI);
        forEachSchema(openAPI, schema -> {
            normaliseType(schema);
            constrainFormattedString(schema);
            String pattern = jsonSchemaPattern(schema.getPattern());
            if (pattern != null && !pattern.equals(schema.getPattern())) {
                schema.setPattern(pattern);
            }
        });
        OperationExamples.attach(openAPI);
    }

    /**
     * Two shapes the scanner writes that say less than they should: a string field documented with
     * {@code @Schema(implementation = ApiTypes.X.class)} comes out as {@code type: [string, object]} (the stand-in class
     * counts as an object), and a nullable reference as {@code type: [string, null]} next to
     * {@code anyOf: [{$ref}, {type: null}]}, where the {@code type} only hides the referenced schema's limits.
     */
    private static void normaliseType(Schema schema) {
        List<Schema.SchemaType> type = schema.getType();
        if (type == null) {
            return;
        }
        if (type.contains(Schema.SchemaType.STRING) && type.contains(Schema.SchemaType.OBJECT)
                && schema.getProperties() == null && schema.getAdditionalPropertiesSchema() == null) {
            List<Schema.SchemaType> withoutObject = new ArrayList<>(type);
            withoutObject.remove(Schema.SchemaType.OBJECT);
            schema.setType(withoutObject);
        }
        List<Schema> anyOf = schema.getAnyOf();
        if (anyOf != null && schema.getRef() == null && schema.getProperties() == null
                && anyOf.stream().anyMatch(s -> s.getRef() != null)
                && anyOf.stream().allMatch(s -> s.getRef() != null || isNullType(s))) {
            schema.setType(null);
        }
    }

    /**
     * Bean Validation's {@code @Pattern} must match the whole value and is a Java regular expression; a JSON Schema
     * {@code pattern} is an ECMA-262 expression that may match anywhere. The scanner copies the Java text, so
     * {@code [^\p{Cntrl}]*} would match every string, and JavaScript validators would read {@code \p{Cntrl}} as the
     * letters p, C, n, ... (refusing a display name with an "l" in it). Written out: POSIX {@code \p{Cntrl}} is
     * {@code [\x00-\x1F\x7F]}. Other patterns are anchored unless they already are; {@code \S} (from
     * {@code @NotBlank}: "contains a non-blank character") is meant to match anywhere.
     */
    static String jsonSchemaPattern(String pattern) {
        if (pattern == null || pattern.equals("\\S") || pattern.startsWith("^")) {
            return pattern;
        }
        String ecma = switch (pattern) {
            // TextPatterns.SINGLE_LINE, ResourceRules.SINGLE_LINE: no control characters at all.
            case "[^\\p{Cntrl}]*" -> "[^\\x00-\\x1F\\x7F]*";
            // TextPatterns.MULTI_LINE: tabs and line breaks, but no other control character.
            case "[\\t\\n\\r\\P{Cntrl}]*" -> "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";
            default -> pattern;
        };
        if (ecma.contains("\\p{") || ecma.contains("\\P{")) {
            throw new IllegalStateException("Write the Java character class in " + pattern
                    + " out for JSON Schema in KindredOpenApiFilter.jsonSchemaPattern");
        }
        return "^(?:" + ecma + ")$";
    }

    private static boolean isNullType(Schema schema) {
        return schema.getType() != null && schema.getType().equals(List.of(Schema.SchemaType.NULL));
    }

    /**
     * Inline UUIDs and timestamps (a field with its own description or example is not a {@code $ref}) get the same
     * lengths as the shared {@code UUID} and {@code Instant} schemas.
     */
    private static void constrainFormattedString(Schema schema) {
        if (schema.getType() == null || !schema.getType().contains(Schema.SchemaType.STRING)
                || schema.getMaxLength() != null) {
            return;
        }
        if ("uuid".equals(schema.getFormat())) {
            schema.setMinLength(36);
            schema.setMaxLength(36);
        } else if ("date-time".equals(schema.getFormat())) {
            schema.setMinLength(20);
            schema.setMaxLength(35);
        }
    }

    /** Every schema object of the document, nested ones included. */
    private static void forEachSchema(OpenAPI openAPI, Consumer<Schema> action) {
        List<Schema> roots = new ArrayList<>();
        Components components = openAPI.getComponents();
        if (components.getSchemas() != null) {
            roots.addAll(components.getSchemas().values());
        }
        if (components.getHeaders() != null) {
            components.getHeaders().values().forEach(h -> push(roots, h.getSchema()));
        }
        if (components.getParameters() != null) {
            components.getParameters().values().forEach(p -> push(roots, p.getSchema()));
        }
        List<APIResponse> responses = new ArrayList<>();
        if (components.getResponses() != null) {
            responses.addAll(components.getResponses().values());
        }
        forEachOperation(openAPI, operation -> {
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(p -> push(roots, p.getSchema()));
            }
            if (operation.getRequestBody() != null) {
                addSchemas(operation.getRequestBody().getContent(), roots);
            }
            responses.addAll(operation.getResponses().getAPIResponses().values());
        });
        for (APIResponse response : responses) {
            addSchemas(response.getContent(), roots);
            if (response.getHeaders() != null) {
                response.getHeaders().values().forEach(h -> push(roots, h.getSchema()));
            }
        }
        Deque<Schema> work = new ArrayDeque<>(roots);
        Set<Schema> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        while (!work.isEmpty()) {
            Schema schema = work.pop();
            if (!seen.add(schema)) {
                continue;
            }
            action.accept(schema);
            children(schema).forEach(work::push);
        }
    }

    private static List<Schema> children(Schema schema) {
        List<Schema> children = new ArrayList<>();
        if (schema.getProperties() != null) {
            children.addAll(schema.getProperties().values());
        }
        push(children, schema.getItems());
        push(children, schema.getAdditionalPropertiesSchema());
        push(children, schema.getNot());
        push(children, schema.getPropertyNames());
        children.addAll(nullToEmpty(schema.getAllOf()));
        children.addAll(nullToEmpty(schema.getAnyOf()));
        children.addAll(nullToEmpty(schema.getOneOf()));
        return children;
    }

    private static void push(List<Schema> list, Schema schema) {
        if (schema != null) {
            list.add(schema);
        }
    }

    private static void forEachOperation(OpenAPI openAPI, Consumer<Operation> action) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            if (item.getOperations() != null) {
                item.getOperations().values().forEach(action);
            }
        }
    }

    /** The shared response {@code ref}, unless the operation documents this status itself. */
    private static void addIfAbsent(APIResponses responses, String status, String ref) {
        if (responses.getAPIResponse(status) == null) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().ref(ref));
        }
    }

    /**
     * Whether some security requirement of the operation (or of the document, if the operation states none) names a
     * scheme: credentials may be sent, and refused. An operation whose only alternative is the empty requirement
     * ({@code security: []} or {@code [{}]}) is public.
     */
    private static boolean hasSecurityRequirement(Operation operation, List<SecurityRequirement> documentSecurity) {
        List<SecurityRequirement> security = operation.getSecurity() != null
                ? operation.getSecurity()
                : documentSecurity;
        return security != null && security.stream()
                .anyMatch(requirement -> requirement.getSchemes() != null && !requirement.getSchemes().isEmpty());
    }

    private static void sortByStatus(APIResponses responses) {
        Map<String, APIResponse> sorted = new LinkedHashMap<>();
        responses.getAPIResponses().entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        responses.setAPIResponses(sorted);
    }

    /** UUIDs are always written in the 36-character form; instants as RFC 3339 UTC timestamps (ISO-8601). */
    private static void refineBuiltInSchemas(Map<String, Schema> schemas) {
        if (schemas == null) {
            return;
        }
        Schema uuid = schemas.get("UUID");
        if (uuid != null) {
            uuid.setMinLength(36);
            uuid.setMaxLength(36);
            uuid.setPattern("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
            uuid.setDescription("A UUID in its 36-character form (the API writes lower case)");
        }
        Schema instant = schemas.get("Instant");
        if (instant != null) {
            // 2026-11-23T18:00:00.123456789+01:00 is the longest RFC 3339 form of a four-digit year.
            instant.setMinLength(20);
            instant.setMaxLength(35);
            instant.setDescription("RFC 3339 timestamp; the API writes UTC (`Z`)");
            instant.setExamples(List.of("2026-11-23T18:00:00Z"));
        }
        Schema date = schemas.get("LocalDate");
        if (date != null) {
            date.setMinLength(10);
            date.setMaxLength(10);
            date.setDescription("A calendar date, ISO 8601 (`2026-11-23`)");
        }
    }

    /** Request headers whose format a shared class defines. */
    private static void constrainParameter(Parameter parameter) {
        if (parameter.getRef() != null || parameter.getIn() != Parameter.In.HEADER || parameter.getSchema() == null) {
            return;
        }
        Schema schema = parameter.getSchema();
        switch (parameter.getName()) {
            // One ETag or several, as sent back by the client (ETags.matchesWeakly); the API's own tags are <= 26.
            case "If-Match", "If-None-Match" -> limitLength(schema, 1024);
            default -> {
            }
        }
    }

    /** Response headers whose format one shared class produces for every operation. */
    private static void constrainHeader(String name, Header header) {
        if (header.getRef() != null || header.getSchema() == null) {
            return;
        }
        Schema schema = header.getSchema();
        switch (name) {
            // ETags: a version number or 24 characters of a truncated SHA-256, quoted; always strong.
            case "ETag" -> {
                limitLength(schema, 26);
                setIfAbsent(schema, "^\"[0-9A-Za-z_-]{1,24}\"$");
            }
            // PageResponses: the request URI (at most 4096 characters, quarkus.http.limits.max-initial-line-length)
            // with the next cursor, then with the previous one, absolute; one header, comma-separated (RFC 8288).
            case "Link" -> {
                limitLength(schema, 16384);
                setIfAbsent(schema, "^<[^>]+>; rel=\"(next|prev)\"(, <[^>]+>; rel=\"prev\")?$");
                if (header.getDescription() == null) {
                    header.setDescription("`<...>; rel=\"next\"` when there is a next page, `<...>; rel=\"prev\"` "
                            + "when there is a previous one (one header, comma-separated)");
                }
            }
            // The URI of the created resource.
            case "Location" -> {
                limitLength(schema, 2048);
                if (schema.getFormat() == null) {
                    schema.setFormat("uri-reference");
                }
            }
            // "no-store", or "public, max-age=<seconds>" on public reads.
            case "Cache-Control" -> limitLength(schema, 64);
            // ConditionalGet.httpDate: RFC 1123 (DateTimeFormatter.RFC_1123_DATE_TIME, so days 1 to 9 have one digit).
            case "Last-Modified" -> {
                schema.setMinLength(28);
                schema.setMaxLength(29);
                setIfAbsent(schema,
                        "^[A-Z][a-z]{2}, [0-9]{1,2} [A-Z][a-z]{2} [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT$");
            }
            // UnauthorizedException: the Bearer challenge.
            case "WWW-Authenticate" -> {
                limitLength(schema, 64);
                setIfAbsent(schema, "^Bearer");
            }
            // Seconds, at least 1 (RateLimiter, ServiceUnavailableException).
            case "Retry-After" -> {
                schema.setFormat("int32");
                if (schema.getMinimum() == null) {
                    schema.setMinimum(BigDecimal.ONE);
                }
                if (schema.getMaximum() == null) {
                    schema.setMaximum(BigDecimal.valueOf(Integer.MAX_VALUE));
                }
            }
            case "Idempotent-Replayed" -> schema.setEnumeration(List.of("true"));
            default -> {
            }
        }
    }

    private static void limitLength(Schema schema, int maxLength) {
        if (schema.getMaxLength() == null) {
            schema.setMaxLength(maxLength);
        }
    }

    private static void setIfAbsent(Schema schema, String pattern) {
        if (schema.getPattern() == null) {
            schema.setPattern(pattern);
        }
    }

    /**
     * Closes every component schema that only request bodies use: the API answers an unknown field with 400
     * ({@code ProblemMapper#unknownField}). Schemas that responses use too stay open.
     */
    private static void closeRequestOnlySchemas(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        List<Schema> requestRoots = new ArrayList<>();
        List<Schema> otherRoots = new ArrayList<>();
        forEachOperation(openAPI, operation -> {
            if (operation.getRequestBody() != null) {
                addSchemas(operation.getRequestBody().getContent(), requestRoots);
            }
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(p -> {
                    if (p.getSchema() != null) {
                        otherRoots.add(p.getSchema());
                    }
                });
            }
            operation.getResponses().getAPIResponses().values().forEach(r -> addSchemas(r.getContent(), otherRoots));
        });
        if (openAPI.getComponents().getResponses() != null) {
            openAPI.getComponents().getResponses().values().forEach(r -> addSchemas(r.getContent(), otherRoots));
        }
        Set<String> requestSchemas = reachable(requestRoots, schemas);
        Set<String> otherSchemas = reachable(otherRoots, schemas);
        for (String name : requestSchemas) {
            Schema schema = schemas.get(name);
            if (!otherSchemas.contains(name) && schema.getProperties() != null
                    && schema.getAdditionalPropertiesSchema() == null
                    && schema.getAdditionalPropertiesBoolean() == null) {
                schema.setAdditionalPropertiesBoolean(Boolean.FALSE);
            }
        }
    }

    private static void addSchemas(Content content, List<Schema> roots) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        for (MediaType type : content.getMediaTypes().values()) {
            if (type.getSchema() != null) {
                roots.add(type.getSchema());
            }
        }
    }

    /** Names of the component schemas reachable from these schemas through {@code $ref}s. */
    private static Set<String> reachable(List<Schema> roots, Map<String, Schema> components) {
        Set<String> names = new HashSet<>();
        Deque<Schema> work = new ArrayDeque<>(roots);
        Set<Schema> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        while (!work.isEmpty()) {
            Schema schema = work.pop();
            if (schema == null || !seen.add(schema)) {
                continue;
            }
            if (schema.getRef() != null) {
                String name = schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1);
                if (names.add(name) && components.containsKey(name)) {
                    work.push(components.get(name));
                }
            }
            children(schema).forEach(work::push);
        }
        return names;
    }

    private static List<Schema> nullToEmpty(List<Schema> list) {
        return list == null ? List.of() : list;
    }
}
