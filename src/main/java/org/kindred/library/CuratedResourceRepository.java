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

    /**
     * Everything a public feed page shows that a request does not name, in one statement: how many rows can be public,
     * their newest update and the sum of their versions (an edit, a publication, an archival or a removal each move
     * one), when the newest stale resource turned stale (time alone moves that one), and the sum of the verification
     * times (a verification written by SQL, without a new version). Equal fingerprints mean equal feed pages for
     * equal requests.
     */
    PublicSnapshot publicSnapshot(Instant now, Duration staleAfter) {
        Object[] row = (Object[]) getEntityManager().createNativeQuery("""
                SELECT count(*), max(updated_at), coalesce(sum(version), 0),
                       max(last_verified_at) FILTER (WHERE status = 'PUBLISHED' AND last_verified_at < :cutoff),
                       coalesce(sum(extract(epoch FROM last_verified_at)), 0)
                FROM curated_resources WHERE status <> 'PENDING_REVIEW'""")
                .setParameter("cutoff", now.minus(staleAfter)).getSingleResult();
        Instant changed = NativeSql.instant(row[1]);
        Instant verified = NativeSql.instant(row[3]);
        Instant turnedStale = verified == null ? null : verified.plus(staleAfter);
        Instant last = changed == null || turnedStale != null && turnedStale.isAfter(changed) ? turnedStale : changed;
        return new PublicSnapshot(row[0] + "/" + changed + "/" + row[2] + "/" + verified + "/" + row[4], last);
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
