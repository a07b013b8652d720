package org.kindred.platform.openapi;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A compact structural JSON Schema (OpenAPI 3.1) validator for examples: {@code $ref} to components (with sibling
 * keywords), {@code allOf}/{@code anyOf}/{@code oneOf}, {@code type} (one or a list, {@code null} included),
 * {@code enum}/{@code const}, {@code required}, {@code properties}, {@code additionalProperties} (false or a schema),
 * {@code items}, {@code minItems}/{@code maxItems}, {@code minLength}/{@code maxLength} (in code points),
 * {@code pattern} (found anywhere, as in ECMA-262), {@code minimum}/{@code maximum} and the formats {@code uuid},
 * {@code date-time}, {@code uri} and {@code int32}/{@code int64}. Enough for the schemas the API's records produce;
 * not a general validator.
 */
final class SchemaExampleValidator {

    private final JsonNode document;

    SchemaExampleValidator(JsonNode document) {
        this.document = document;
    }

    /** What is wrong with the value, one line per problem; empty if the schema accepts it. */
    List<String> validate(JsonNode value, JsonNode schema) {
        List<String> errors = new ArrayList<>();
        check(value, schema, "$", errors);
        return errors;
    }

    private void check(JsonNode value, JsonNode schema, String at, List<String> errors) {
        if (schema == null || schema.isMissingNode() || schema.isBoolean() && schema.asBoolean()) {
            return;
        }
        if (schema.isBoolean()) {
            errors.add(at + ": not allowed here");
            return;
        }
        if (schema.has("$ref")) {
            check(value, resolve(schema.get("$ref").asText()), at, errors);
        }
        for (JsonNode part : schema.path("allOf")) {
            check(value, part, at, errors);
        }
        if (schema.has("anyOf") && matching(value, schema.get("anyOf"), at) == 0) {
            errors.add(at + ": matches none of anyOf");
        }
        if (schema.has("oneOf") && matching(value, schema.get("oneOf"), at) != 1) {
            errors.add(at + ": does not match exactly one of oneOf");
        }
        if (schema.has("type") && !hasType(value, schema.get("type"))) {
            errors.add(at + ": " + kind(value) + " where " + schema.get("type") + " is expected");
            return;
        }
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            errors.add(at + ": " + value + " is not one of " + schema.get("enum"));
        }
        if (schema.has("const") && !schema.get("const").equals(value)) {
            errors.add(at + ": " + value + " is not " + schema.get("const"));
        }
        if (value.isObject()) {
            checkObject(value, schema, at, errors);
        } else if (value.isArray()) {
            checkArray(value, schema, at, errors);
        } else if (value.isTextual()) {
            checkString(value.asText(), schema, at, errors);
        } else if (value.isNumber()) {
            checkNumber(value, schema, at, errors);
        }
    }

    private int matching(JsonNode value, JsonNode alternatives, String at) {
        int matching = 0;
        for (JsonNode alternative : alternatives) {
            List<String> errors = new ArrayList<>();
            check(value, alternative, at, errors);
            matching += errors.isEmpty() ? 1 : 0;
        }
        return matching;
    }

    private void checkObject(JsonNode value, JsonNode schema, String at, List<String> errors) {
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                errors.add(at + ": required " + required.asText() + " is missing");
            }
        }
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.path("additionalProperties");
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String path = at + "." + field.getKey();
            if (properties.has(field.getKey())) {
                check(field.getValue(), properties.get(field.getKey()), path, errors);
            } else if (additional.isBoolean() && !additional.asBoolean()) {
                errors.add(path + ": not a declared property (additionalProperties is false)");
            } else if (additional.isObject()) {
                check(field.getValue(), additional, path, errors);
            }
        }
    }

    private void checkArray(JsonNode value, JsonNode schema, String at, List<String> errors) {
        if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
            errors.add(at + ": fewer than " + schema.get("minItems") + " items");
        }
        if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
            errors.add(at + ": more than " + schema.get("maxItems") + " items");
        }
        for (int i = 0; i < value.size(); i++) {
            check(value.get(i), schema.path("items"), at + "[" + i + "]", errors);
        }
    }

    private static void checkString(String text, JsonNode schema, String at, List<String> errors) {
        int length = text.codePointCount(0, text.length());
        if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
            errors.add(at + ": shorter than " + schema.get("minLength") + " characters");
        }
        if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
            errors.add(at + ": longer than " + schema.get("maxLength") + " characters");
        }
        if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(text).find()) {
            errors.add(at + ": \"" + text + "\" does not match " + schema.get("pattern").asText());
        }
        String format = schema.path("format").asText();
        if (!format.isEmpty() && !hasFormat(text, format)) {
            errors.add(at + ": \"" + text + "\" is not a " + format);
        }
    }

    private static boolean hasFormat(String text, String format) {
        try {
            switch (format) {
                case "uuid" -> {
                    return UUID.fromString(text).toString().equalsIgnoreCase(text);
                }
                case "date-time" -> OffsetDateTime.parse(text);
                case "uri" -> {
                    return new URI(text).isAbsolute();
                }
                case "uri-reference" -> new URI(text);
                default -> {
                    return true;
                }
            }
            return true;
        } catch (IllegalArgumentException | DateTimeParseException | URISyntaxException e) {
            return false;
        }
    }

    private static void checkNumber(JsonNode value, JsonNode schema, String at, List<String> errors) {
        BigDecimal number = value.decimalValue();
        if (schema.has("minimum") && number.compareTo(schema.get("minimum").decimalValue()) < 0) {
            errors.add(at + ": less than " + schema.get("minimum"));
        }
        if (schema.has("maximum") && number.compareTo(schema.get("maximum").decimalValue()) > 0) {
            errors.add(at + ": more than " + schema.get("maximum"));
        }
        String format = schema.path("format").asText();
        if (format.equals("int32") && !value.canConvertToInt() || format.equals("int64") && !value.canConvertToLong()) {
            errors.add(at + ": " + value + " is not an " + format);
        }
    }

    private static boolean hasType(JsonNode value, JsonNode type) {
        if (type.isArray()) {
            for (JsonNode one : type) {
                if (hasType(value, one)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> false;
        };
    }

    private static boolean contains(JsonNode values, JsonNode value) {
        for (JsonNode candidate : values) {
            if (candidate.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static String kind(JsonNode value) {
        return value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    private JsonNode resolve(String ref) {
        if (!ref.startsWith("#/")) {
            throw new IllegalArgumentException("only local references are supported: " + ref);
        }
        JsonNode node = document;
        for (String part : ref.substring(2).split("/")) {
            node = node.path(part.replace("~1", "/").replace("~0", "~"));
        }
        if (node.isMissingNode()) {
            throw new IllegalArgumentException("unresolvable reference " + ref);
        }
        return node;
    }
}
