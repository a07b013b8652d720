package org.kindred.platform.web;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.kindred.platform.error.InvalidParameterException;

/**
 * Query, header and named path parameters that do not convert (an unknown enum value, {@code limit=abc}, {@code facilitated=maybe})
 * are a 400 naming the parameter, never the 404 the JAX-RS default gives. Parameters must carry their name in the
 * annotation ({@code @RestQuery("limit")}, {@code @RestPath("kind")}); unnamed path parameters keep the 404.
 */
@Provider
public class StrictParameters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = nameOf(annotations);
        if (name == null) {
            return null;
        }
        if (rawType.isEnum()) {
            Class<? extends Enum> type = (Class<? extends Enum>) rawType;
            String allowed = Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
            return (ParamConverter<T>) converter(name, "must be one of " + allowed, v -> Enum.valueOf(type, v));
        }
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) converter(name, "must be an integer", Integer::valueOf);
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) converter(name, "must be an integer", Long::valueOf);
        }
        if (rawType == Boolean.class || rawType == boolean.class) {
            return (ParamConverter<T>) converter(name, "must be true or false",
                    v -> switch (v.toLowerCase(Locale.ROOT)) {
                        case "true" -> Boolean.TRUE;
                        case "false" -> Boolean.FALSE;
                        default -> throw new IllegalArgumentException();
                    });
        }
        if (rawType == UUID.class) {
            return (ParamConverter<T>) converter(name, "must be a UUID", UUID::fromString);
        }
        if (rawType == Instant.class) {
            return (ParamConverter<T>) converter(name, "must be an RFC 3339 timestamp, e.g. 2026-11-23T18:00:00Z",
                    Instant::parse);
        }
        return null;
    }

    private static <T> ParamConverter<T> converter(String name, String problem, Function<String, T> parse) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return parse.apply(value.strip());
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    throw new InvalidParameterException(name, problem);
                }
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value.toString();
            }
        };
    }

    private static String nameOf(Annotation[] annotations) {
        if (annotations == null) {
            return null;
        }
        for (Annotation annotation : annotations) {
            if (annotation instanceof RestQuery q && !q.value().isEmpty()) {
                return q.value();
            }
            if (annotation instanceof QueryParam q) {
                return q.value();
            }
            if (annotation instanceof RestHeader h && !h.value().isEmpty()) {
                return h.value();
            }
            if (annotation instanceof HeaderParam h) {
                return h.value();
            }
            if (annotation instanceof RestPath p && !p.value().isEmpty()) {
                return p.value();
            }
            if (annotation instanceof PathParam p) {
                return p.value();
            }
        }
        return null;
    }
}
