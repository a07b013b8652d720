package org.kindred.platform.db;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * A native SQL statement with named parameters, built as a value so the statement that runs is also the one whose
 * plan tests can {@code EXPLAIN}.
 */
public final class NativeSql {

    private final StringBuilder sql = new StringBuilder();
    private final Map<String, Object> params = new LinkedHashMap<>();

    public NativeSql append(String fragment) {
        sql.append(fragment);
        return this;
    }

    public NativeSql bind(String name, Object value) {
        params.put(name, value);
        return this;
    }

    public String sql() {
        return sql.toString();
    }

    public Map<String, Object> params() {
        return Collections.unmodifiableMap(params);
    }

    /** A timestamp column of a native result row, whatever type the driver chose. */
    public static java.time.Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.time.Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    /** A date column of a native result row, whatever type the driver chose. */
    public static java.time.LocalDate localDate(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.time.LocalDate date) {
            return date;
        }
        return ((java.sql.Date) value).toLocalDate();
    }

    /** A text[] column of a native result row. */
    public static java.util.List<String> strings(Object value) {
        if (value == null) {
            return java.util.List.of();
        }
        try {
            Object array = value instanceof java.sql.Array sqlArray ? sqlArray.getArray() : value;
            return java.util.Arrays.stream((Object[]) array).map(String::valueOf).toList();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Query toQuery(EntityManager em) {
        Query query = em.createNativeQuery(sql.toString());
        params.forEach(query::setParameter);
        return query;
    }
}
