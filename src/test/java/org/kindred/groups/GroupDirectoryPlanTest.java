package org.kindred.groups;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.kindred.platform.db.NativeSql;
import org.kindred.platform.paging.Direction;
import org.kindred.support.Api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The directory's queries are served by indexes: EXPLAIN at 10k groups shows no sequential scan of groups. The generated
 * names and descriptions draw on a few hundred distinct words, as real ones do: a search term that matched a fifth of
 * all groups would rightly be answered by a sequential scan.
 */
@QuarkusTest
class GroupDirectoryPlanTest {

    @Inject
    GroupRepository repository;

    private UUID tenThousandGroups() throws Exception {
        UUID viewer = Api.register("plan").id();
        try (Connection c = Api.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(
                    """
                            INSERT INTO groups (id, slug, name, description, bases, topics, language, visibility, rules,
                                                facilitated, created_by, created_at, updated_at)
                            SELECT gen_random_uuid(), 'plan-' || i || '-' || substr(md5(random()::text), 1, 6),
                                   'Plan group ' || i || ' ' || (ARRAY['nurses','teachers','drivers','students','migrants'])[1 + i % 5],
                                   'Talking about ' || (ARRAY['racism','ableism','housing','police','work'])[1 + i % 5] || ' number ' || i,
                                   ARRAY[(ARRAY['RACE_ETHNICITY','DISABILITY','AGE','RELIGION_BELIEF','OTHER'])[1 + i % 5]],
                                   ARRAY[(ARRAY['WORKPLACE','HOUSING','EDUCATION','HEALTHCARE','ALLYSHIP'])[1 + i % 7 % 5]],
                                   (ARRAY['en','es','fr','de','pt'])[1 + i % 5],
                                   (ARRAY['PUBLIC','PRIVATE','HIDDEN'])[1 + i % 3], 'rules', i % 11 = 0, 'VIEWER',
                                   now() - i * interval '1 minute', now()
                            FROM generate_series(1, 10000) i"""
                            .replace("VIEWER", viewer.toString()));
            s.execute("ANALYZE groups");
            s.execute("ANALYZE memberships");
        }
        return viewer;
    }

    @Test
    void everyDirectoryQueryUsesAnIndex() throws Exception {
        UUID viewer = tenThousandGroups();
        Instant now = Instant.now();
        UUID anyId = UUID.randomUUID();
        List<GroupRepository.DirectoryFilter> filters = List.of(
                new GroupRepository.DirectoryFilter(null, null, null, null, null),
                new GroupRepository.DirectoryFilter(Basis.DISABILITY, null, null, null, null),
                new GroupRepository.DirectoryFilter(null, Topic.HOUSING, null, null, null),
                new GroupRepository.DirectoryFilter(Basis.AGE, Topic.EDUCATION, "fr", null, null),
                new GroupRepository.DirectoryFilter(null, null, "es", null, null),
                new GroupRepository.DirectoryFilter(null, null, null, true, null),
                new GroupRepository.DirectoryFilter(null, null, null, null, "tok17"),
                new GroupRepository.DirectoryFilter(null, null, null, null, "tok17 topic5"),
                new GroupRepository.DirectoryFilter(Basis.RACE_ETHNICITY, null, "en", null, "tok40 -racism"));
        List<String> failures = new ArrayList<>();
        for (GroupRepository.DirectoryFilter filter : filters) {
            boolean search = filter.q() != null;
            for (GroupRepository.Position after : new GroupRepository.Position[]{null,
                    search
                            ? new GroupRepository.Position(null, 0.5f, anyId)
                            : new GroupRepository.Position(now, null, anyId)}) {
                for (boolean signedIn : new boolean[]{false, true}) {
                    NativeSql sql = repository.directoryQuery(filter, signedIn ? viewer : null, false, Direction.AFTER,
                            after,
                            21);
                    JsonNode plan = explain(sql);
                    List<String> scans = new ArrayList<>();
                    collectSeqScans(plan, scans);
                    if (!scans.isEmpty()) {
                        failures.add(filter + " after=" + (after != null) + " signedIn=" + signedIn + ": " + scans
                                + "\n" + plan);
                    }
                    assertTrue(plan.toString().contains("Index"), "uses an index: " + plan);
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n\n", failures));
    }

    @Test
    void theCheckDetectsASequentialScan() throws Exception {
        // Guard against a checker that can never fail: a query without a usable index must be caught.
        NativeSql unindexed = new NativeSql().append("SELECT id FROM groups WHERE rules = :r").bind("r", "rules");
        List<String> scans = new ArrayList<>();
        collectSeqScans(explain(unindexed), scans);
        assertFalse(scans.isEmpty());
    }

    private static JsonNode explain(NativeSql sql) throws Exception {
        String text = sql.sql();
        List<Map.Entry<String, Object>> params = new ArrayList<>(sql.params().entrySet());
        params.sort((a, b) -> b.getKey().length() - a.getKey().length()); // :qlang before :q
        for (Map.Entry<String, Object> param : params) {
            text = text.replace(":" + param.getKey(), literal(param.getValue()));
        }
        try (Connection c = Api.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("EXPLAIN (FORMAT JSON) " + text)) {
            rs.next();
            return new ObjectMapper().readTree(rs.getString(1));
        }
    }

    private static String literal(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        String quoted = "'" + value.toString().replace("'", "''") + "'";
        if (value instanceof UUID) {
            return quoted + "::uuid";
        }
        if (value instanceof Instant) {
            return quoted + "::timestamptz";
        }
        return quoted;
    }

    private static void collectSeqScans(JsonNode node, List<String> found) {
        if (node.isArray()) {
            node.forEach(n -> collectSeqScans(n, found));
            return;
        }
        if (node.has("Plan")) {
            collectSeqScans(node.get("Plan"), found);
        }
        if ("Seq Scan".equals(node.path("Node Type").asText())
                && "groups".equals(node.path("Relation Name").asText())) {
            found.add("Seq Scan on groups");
        }
        if (node.has("Plans")) {
            collectSeqScans(node.get("Plans"), found);
        }
    }
}
