package org.kindred.pathways;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.kindred.library.SeedEntry;
import org.kindred.library.SeedLoader;
import org.kindred.pathways.api.BodyResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Reads and validates {@code seeds/pathways.yaml}: strict parsing (an unknown field or enum value is an error), Bean
 * Validation of every entry, and the rules between fields (unique ids, subdivisions inside their country, a body
 * that names a library resource of {@code seeds/resources.yaml} or a name and URL). Any problem is an
 * {@link IllegalStateException} listing all of them, so the application refuses to start with a clear message.
 */
public final class PathwaySeeds {

    public static final String PATHWAYS = "seeds/pathways.yaml";

    private PathwaySeeds() {
    }

    /** The packaged file, parsed strictly. */
    public static PathwayEntry.File read() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(PATHWAYS)) {
            if (in == null) {
                throw new IllegalStateException(PATHWAYS + " is not on the class path");
            }
            return parse(in);
        } catch (IOException e) {
            throw new IllegalStateException(PATHWAYS + " could not be read: " + e.getMessage(), e);
        }
    }

    /** Parses a pathways file; an unknown field, an unknown enum value or a wrong type is a clear error. */
    public static PathwayEntry.File parse(InputStream in) {
        try {
            return yaml().readValue(in, PathwayEntry.File.class);
        } catch (JsonProcessingException e) {
            String where = e instanceof JsonMappingException m ? " at " + path(m) : "";
            String line = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new IllegalStateException(PATHWAYS + " is not valid" + where + line + ": " + e.getOriginalMessage(),
                    e);
        } catch (IOException e) {
            throw new IllegalStateException(PATHWAYS + " could not be read: " + e.getMessage(), e);
        }
    }

    /** The library resources the pathways may name, by seed key. */
    public static Map<String, BodyResponse> libraryBodies() {
        Map<String, BodyResponse> bodies = new java.util.HashMap<>();
        for (SeedEntry entry : SeedLoader.read().resources()) {
            bodies.put(entry.key(),
                    new BodyResponse(entry.resource().title(), entry.resource().url(), entry.key()));
        }
        return bodies;
    }

    /** Every entry if all are valid; otherwise an IllegalStateException listing every problem. */
    public static List<PathwayEntry> validated(PathwayEntry.File file, Validator validator,
            Map<String, BodyResponse> library) {
        Set<String> problems = new TreeSet<>();
        for (ConstraintViolation<PathwayEntry.File> v : validator.validate(file)) {
            problems.add(v.getPropertyPath() + ": " + v.getMessage());
        }
        Set<String> ids = new HashSet<>();
        List<PathwayEntry> entries = file.pathways() == null ? List.of() : file.pathways();
        for (PathwayEntry entry : entries) {
            if (entry == null || entry.id() == null) {
                continue;
            }
            if (!ids.add(entry.id())) {
                problems.add(entry.id() + ": the id is used twice");
            }
            checkEntry(entry, library, problems);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(PATHWAYS + " is not valid:\n" + String.join("\n", problems));
        }
        return new ArrayList<>(entries);
    }

    private static void checkEntry(PathwayEntry entry, Map<String, BodyResponse> library, Set<String> problems) {
        if (entry.subdivisions() != null && entry.country() != null) {
            for (String subdivision : entry.subdivisions()) {
                if (subdivision != null && !subdivision.startsWith(entry.country() + "-")) {
                    problems.add(entry.id() + ": subdivision " + subdivision + " is not in " + entry.country());
                }
            }
        }
        PathwayEntry.Body body = entry.body();
        if (body != null) {
            boolean named = body.name() != null && body.url() != null;
            if ((body.resourceKey() == null) == !named) {
                problems.add(entry.id() + ": the body needs either a resourceKey or a name and a url, not both");
            } else if (body.resourceKey() != null && !library.containsKey(body.resourceKey())) {
                problems.add(entry.id() + ": the body's resourceKey " + body.resourceKey() + " is not in "
                        + SeedLoader.RESOURCES);
            }
        }
        if (entry.deadlines() != null) {
            Set<String> deadlineIds = new HashSet<>();
            for (DeadlineRule rule : entry.deadlines()) {
                if (rule != null && rule.id() != null && !deadlineIds.add(rule.id())) {
                    problems.add(entry.id() + ": the deadline id " + rule.id() + " is used twice");
                }
            }
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static ObjectMapper yaml() {
        return YAMLMapper.builder().addModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS).build();
    }
}
