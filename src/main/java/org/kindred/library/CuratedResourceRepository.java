package org.kindred.library;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.kindred.platform.db.NativeSql;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CuratedResourceRepository implements PanacheRepositoryBase<CuratedResource, UUID> {

    /** How many crisis lines one answer lists at most. */
    static final int MAX_CRISIS_LINES = 50;

    @SuppressWarnings("unchecked")
    List<CuratedResource> page(ResourceQuery query, int rows) {
        return query.bind(getEntityManager().createNativeQuery(query.sql(rows), CuratedResource.class))
                .getResultList();
    }

    /** The full-text rank of one resource for {@code q}, for the next page's cursor. */
    float rank(UUID id, String q) {
        Number rank = (Number) getEntityManager()
                .createNativeQuery("SELECT " + ResourceQuery.RANK + " FROM curated_resources r WHERE r.id = :id")
                .setParameter("q", q).setParameter("id", id).getSingleResult();
        return rank.floatValue();
    }

    /**
     * Published crisis lines and helplines serving {@code area} (a country code, or GLOBAL for the international
     * ones): those answering around the clock first, crisis lines before general helplines.
     */
    @SuppressWarnings("unchecked")
    List<CuratedResource> crisisLines(String area) {
        return getEntityManager().createNativeQuery(CRISIS_LINES, CuratedResource.class)
                .setParameter("area", area).setParameter("max", MAX_CRISIS_LINES).getResultList();
    }

    /** Served by {@code curated_resources_crisis_idx}. */
    static final String CRISIS_LINES = """
            SELECT r.* FROM curated_resources r
            WHERE r.status = 'PUBLISHED' AND r.type IN ('CRISIS_LINE', 'HELPLINE')
              AND r.countries @> CAST(ARRAY[:area] AS text[])
            ORDER BY r.available_24x7 DESC, (r.type = 'CRISIS_LINE') DESC, r.title, r.id
            LIMIT :max""";

    /** The latest change visible to the public (see {@link ResourceCatalogue#lastPublicChange()}). */
    Instant lastPublicChange(Instant now, Duration staleAfter) {
        Instant changed = NativeSql.instant(getEntityManager().createNativeQuery(
                "SELECT max(updated_at) FROM curated_resources WHERE status <> 'PENDING_REVIEW'").getSingleResult());
        Instant verified = NativeSql.instant(getEntityManager().createNativeQuery("""
                SELECT max(last_verified_at) FROM curated_resources
                WHERE status = 'PUBLISHED' AND last_verified_at < :cutoff""")
                .setParameter("cutoff", now.minus(staleAfter)).getSingleResult());
        Instant turnedStale = verified == null ? null : verified.plus(staleAfter);
        if (changed == null || turnedStale != null && turnedStale.isAfter(changed)) {
            return turnedStale;
        }
        return changed;
    }

    Optional<CuratedResource> findBySeedKey(String key) {
        return find("seedKey", key).firstResultOptional();
    }

    /** A live (not archived) resource with the same page, by normalised URL. */
    Optional<CuratedResource> findLiveByUrl(String url) {
        return find("urlKey = ?1 and status <> ?2", CuratedResource.urlKey(url), ResourceStatus.ARCHIVED)
                .firstResultOptional();
    }
}
