package org.kindred.library;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.kindred.groups.Topic;
import org.kindred.platform.paging.Direction;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The hot list queries have an index the planner picks. Each EXPLAIN runs in a transaction that is rolled back, after
 * filling the table to a realistic size (20,000 resources) and analysing it: on the small test table the planner
 * rightly prefers scanning everything. Sequential scans are also switched off, so the plan shows which index serves.
 */
@QuarkusTest
class ResourceQueryPlanTest {

    @Inject
    EntityManager entityManager;

    @Test
    void thePublicListWalksThePublishedIndex() {
        assertUses("curated_resources_published_idx", ResourceFilter.NONE, ResourceQuery.Visibility.PUBLIC);
    }

    @Test
    void fullTextSearchUsesTheGinIndex() {
        assertUses("curated_resources_search_idx", filter(null, "housing discrimination", null),
                ResourceQuery.Visibility.PUBLIC);
    }

    @Test
    void deltaSyncUsesTheSyncIndex() {
        assertUses("curated_resources_sync_idx", filter(null, null, Instant.now().minusSeconds(3600)),
                ResourceQuery.Visibility.PUBLIC_WITH_TOMBSTONES);
    }

    @Test
    void aTopicFilterUsesAnIndex() {
        // ANALYZE samples rows at random, so among the indexes that serve the query equally well (the topics GIN
        // index, the published partial index, (status, updated_at, id)) the planner's pick varies from run to run;
        // what matters is that one of them is used, never a scan of the whole table
        String plan = explain(filter(Topic.HOUSING, null, null), ResourceQuery.Visibility.PUBLIC);
        assertTrue(plan.contains("curated_resources_topics_idx") || plan.contains("curated_resources_published_idx")
                || plan.contains("curated_resources_status_idx"), plan);
        assertFalse(plan.contains("Seq Scan"), plan);
    }

    @Test
    void crisisLinesUseTheCrisisIndex() {
        String plan = rolledBack(() -> {
            prepare();
            @SuppressWarnings("unchecked")
            List<String> rows = entityManager.createNativeQuery("EXPLAIN " + CuratedResourceRepository.CRISIS_LINES)
                    .setParameter("area", "GB").setParameter("max", 50).getResultList();
            return String.join("\n", rows);
        });
        assertTrue(plan.contains("curated_resources_crisis_idx"), plan);
    }

    /** Runs the work in a transaction that is always rolled back, so the generated rows never stay. */
    private static String rolledBack(java.util.function.Supplier<String> work) {
        QuarkusTransaction.begin();
        try {
            return work.get();
        } finally {
            QuarkusTransaction.rollback();
        }
    }

    private void prepare() {
        entityManager.createNativeQuery("""
                INSERT INTO curated_resources (id, type, title, summary, url, url_key, organization_name, bases, topics,
                    countries, languages, cost, status, last_verified_at, created_at, updated_at)
                SELECT gen_random_uuid(), (ARRAY['GUIDE', 'HELPLINE', 'CRISIS_LINE', 'LEGAL_AID'])[1 + i % 4],
                    'Resource ' || md5(i::text), 'Summary ' || md5((i * 7)::text), 'https://plan.example/' || i,
                    'https://plan.example/' || i, 'Organisation ' || i,
                    ARRAY[(ARRAY['RACE_ETHNICITY', 'DISABILITY', 'AGE'])[1 + i % 3]],
                    ARRAY[(ARRAY['HOUSING', 'WORKPLACE', 'EDUCATION', 'HEALTHCARE', 'WELLBEING_COPING'])[1 + i % 5]],
                    ARRAY[(ARRAY['GB', 'US', 'FR', 'DE', 'IN', 'ZA', 'AU', 'CA', 'IE', 'ES', 'NZ', 'NL', 'BR', 'MX',
                        'JP'])[1 + i % 15]],
                    ARRAY['en'], 'FREE', CASE WHEN i % 10 = 0 THEN 'ARCHIVED' ELSE 'PUBLISHED' END,
                    now() - make_interval(hours => i), now(), now() - make_interval(mins => i)
                FROM generate_series(1, 20000) i""").executeUpdate();
        entityManager.createNativeQuery("ANALYZE curated_resources").executeUpdate();
        entityManager.createNativeQuery("SET LOCAL enable_seqscan = off").executeUpdate();
    }

    private void assertUses(String index, ResourceFilter filter, ResourceQuery.Visibility visibility) {
        String plan = explain(filter, visibility);
        assertTrue(plan.contains(index), plan);
    }

    private String explain(ResourceFilter filter, ResourceQuery.Visibility visibility) {
        ResourceQuery query = new ResourceQuery(filter, visibility, Instant.now(), Direction.AFTER, null);
        return rolledBack(() -> {
            prepare();
            @SuppressWarnings("unchecked")
            List<String> rows = query.bind(entityManager.createNativeQuery("EXPLAIN " + query.sql(21)))
                    .getResultList();
            return String.join("\n", rows);
        });
    }

    private static ResourceFilter filter(Topic topic, String q, Instant modifiedSince) {
        return new ResourceFilter(null, null, topic, null, null, q, modifiedSince, null, false);
    }
}
