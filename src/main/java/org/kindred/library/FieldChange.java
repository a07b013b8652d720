package org.kindred.library;

import java.util.Collection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** One changed field in the change log: its JSON name and its value before and after (JSON null when unset). */
public record FieldChange(String field, JsonNode previousValue, JsonNode replacementValue) {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    public static FieldChange of(String field, Object previous, Object replacement) {
        return new FieldChange(field, node(previous), node(replacement));
    }

    private static JsonNode node(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Collection<?> values) {
            ArrayNode array = NODES.arrayNode();
            values.forEach(v -> array.add(String.valueOf(v)));
            return array;
        }
        return NODES.textNode(value instanceof Enum<?> e ? e.name() : value.toString());
    }
}
