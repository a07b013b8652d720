package org.kindred.library;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Query;

import org.kindred.platform.paging.Direction;

/**
 * The SQL of one page of the resource list: filters, visibility, keyset position and order. Every order ends in the
 * id, so it is total, and every shape has an index (see V3__library.sql): the public list walks
 * {@code curated_resources_published_idx}, delta sync {@code curated_resources_sync_idx}, full-text search
 * {@code curated_resources_search_idx}, the stale queue {@code curated_resources_verified_idx}.
 */
final class ResourceQuery {

    /** The order of a list; chosen by its filters. */
    enum Sort {
        /** Best match first ({@code q}): title matches weigh more than summary matches. */
        RELEVANCE,
        /** Oldest change first ({@code modifiedSince}), so a sync that pages while resources change misses none. */
        OLDEST_CHANGE_FIRST,
        /** Newest change first: the default list and the feeds. */
        NEWEST_CHANGE_FIRST,
        /** Least recently verified first: the curators' stale queue. */
        LEAST_RECENTLY_VERIFIED;

        static Sort of(ResourceFilter filter) {
            if (filter.hasQuery()) {
                return RELEVANCE;
            }
            if (filter.staleOnly()) {
                return LEAST_RECENTLY_VERIFIED;
            }
            return filter.modifiedSince() != null ? OLDEST_CHANGE_FIRST : NEWEST_CHANGE_FIRST;
        }
    }

    /** Which rows a caller may list, before filters. */
    record Visibility(List<ResourceStatus> statuses, UUID submittedBy) {
        static final Visibility PUBLIC = new Visibility(List.of(ResourceStatus.PUBLISHED), null);
        /** Delta sync: published resources and archived tombstones, so partners can delete their copies. */
        static final Visibility PUBLIC_WITH_TOMBSTONES = new Visibility(
                List.of(ResourceStatus.PUBLISHED, ResourceStatus.ARCHIVED), null);
    }

    static final String RANK = "ts_rank(r.search, websearch_to_tsquery('english', :q))";

    private final Sort sort;
    private final Direction direction;
    private final StringBuilder where = new StringBuilder();
    private final Map<String, Object> params = new LinkedHashMap<>();

    /**
     * @param direction which side of {@code after} the rows lie on ({@code BEFORE}: nearest first, for the previous
     *        page); the filters are the same either way
     * @param after a cursor's position; null for the first page
     */
    ResourceQuery(ResourceFilter filter, Visibility visibility, Instant staleCutoff, Direction direction,
            List<String> after) {
        this.sort = Sort.of(filter);
        this.direction = direction;
        List<ResourceStatus> statuses = visibility.statuses();
        if (statuses.size() == 2 && !statuses.contains(ResourceStatus.PENDING_REVIEW)) {
            where.append("r.status <> 'PENDING_REVIEW'");
        } else if (statuses.size() == 1) {
            where.append("r.status = '").append(statuses.get(0).name()).append("'");
        } else {
            throw new IllegalArgumentException("Unsupported visibility " + statuses);
        }
        if (visibility.submittedBy() != null) {
            condition("r.submitted_by_partner_id = :partner", "partner", visibility.submittedBy());
        }
        if (filter.type() != null) {
            condition("r.type = :type", "type", filter.type().name());
        }
        if (filter.basis() != null) {
            condition("r.bases @> CAST(ARRAY[:basis] AS text[])", "basis", filter.basis().name());
        }
        if (filter.topic() != null) {
            condition("r.topics @> CAST(ARRAY[:topic] AS text[])", "topic", filter.topic().name());
        }
        if (filter.country() != null) {
            condition("r.countries && CAST(ARRAY[:country, 'GLOBAL'] AS text[])", "country", filter.country());
        }
        if (filter.language() != null) {
            String primary = filter.language().split("-")[0];
            condition("r.languages && CAST(ARRAY[:language, :primaryLanguage] AS text[])", "language",
                    filter.language());
            params.put("primaryLanguage", primary);
        }
        if (filter.hasQuery()) {
            condition("r.search @@ websearch_to_tsquery('english', :q)", "q", filter.q());
        }
        if (filter.modifiedSince() != null) {
            condition("r.updated_at >= :modifiedSince", "modifiedSince", filter.modifiedSince());
        }
        if (filter.staleOnly()) {
            condition("r.last_verified_at < :staleCutoff", "staleCutoff", staleCutoff);
        }
        if (after != null) {
            keyset(after);
        }
    }

    private void condition(String sql, String name, Object value) {
        where.append(" AND ").append(sql);
        params.put(name, value);
    }

    private void keyset(List<String> after) {
        UUID id = UUID.fromString(after.get(1));
        params.put("afterId", id);
        String lt = direction.compare("<");
        String gt = direction.compare(">");
        switch (sort) {
            case RELEVANCE -> {
                where.append(" AND (" + RANK + " " + lt + " :afterRank OR (" + RANK + " = :afterRank AND r.id " + gt
                        + " :afterId))");
                params.put("afterRank", Float.parseFloat(after.get(0)));
            }
            case OLDEST_CHANGE_FIRST -> {
                where.append(" AND (r.updated_at, r.id) " + gt + " (:afterTime, :afterId)");
                params.put("afterTime", micros(after.get(0)));
            }
            case NEWEST_CHANGE_FIRST -> {
                where.append(" AND (r.updated_at, r.id) " + lt + " (:afterTime, :afterId)");
                params.put("afterTime", micros(after.get(0)));
            }
            case LEAST_RECENTLY_VERIFIED -> {
                where.append(" AND (r.last_verified_at, r.id) " + gt + " (:afterTime, :afterId)");
                params.put("afterTime", micros(after.get(0)));
            }
        }
    }

    Sort sort() {
        return sort;
    }

    /** The page query: {@code limit} rows (ask for one more than the page size to learn whether a next page exists). */
    String sql(int limit) {
        String order = switch (sort) {
            case RELEVANCE -> RANK + " DESC, r.id";
            case OLDEST_CHANGE_FIRST -> "r.updated_at, r.id";
            case NEWEST_CHANGE_FIRST -> "r.updated_at DESC, r.id DESC";
            case LEAST_RECENTLY_VERIFIED -> "r.last_verified_at, r.id";
        };
        return "SELECT r.* FROM curated_resources r WHERE " + where + " ORDER BY " + direction.order(order) + " LIMIT "
                + limit;
    }

    Query bind(Query query) {
        params.forEach(query::setParameter);
        return query;
    }

    /** The sort-key values of a row, for the next page's cursor. */
    static List<String> cursorValues(Sort sort, CuratedResource last, Float rank) {
        return switch (sort) {
            case RELEVANCE -> List.of(Float.toString(rank), last.id().toString());
            case OLDEST_CHANGE_FIRST, NEWEST_CHANGE_FIRST -> List.of(micros(last.updatedAt()), last.id().toString());
            case LEAST_RECENTLY_VERIFIED -> List.of(micros(last.lastVerifiedAt()), last.id().toString());
        };
    }

    private static String micros(Instant instant) {
        return Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, instant));
    }

    private static Instant micros(String value) {
        return Instant.EPOCH.plus(Long.parseLong(value), ChronoUnit.MICROS);
    }
}
