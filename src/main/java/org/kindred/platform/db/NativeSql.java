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

    public Query toQuery(EntityManager em) {
        Query query = em.createNativeQuery(sql.toString());
        params.forEach(query::setParameter);
        return query;
    }
}
