package org.kindred.groups;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kindred.support.Problems.assertProblem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.kindred.support.Api;
import org.kindred.support.Groups;
import org.kindred.support.Groups.TestGroup;
import org.kindred.support.TestAccount;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Hidden means hidden: creating a group must not tell anyone whether a HIDDEN group of that name exists. A HIDDEN group
 * never holds a plain slug, so plain slugs are contended among listed groups only.
 */
@QuarkusTest
class HiddenGroupSlugTest {

    /** The random suffix of a HIDDEN group's slug: 12 letters, none a digit or a hex letter. */
    private static final String UNLISTED_SUFFIX = "-[ghjkmnpqrstvwxyz]{12}";

    @Test
    void creatingAGroupGivesTheSameAnswerWhetherOrNotAHiddenGroupHasThatName() {
        String tag = tag();
        TestAccount owner = Api.register("hider");
        TestAccount prober = Api.register("prober");
        TestGroup hidden = Groups.create(owner, Groups.body("Quiet circle " + tag, "HIDDEN"));

        // The prober creates a group named like the hidden one, and one named like no group at all: the same answer.
        Response probe = create(prober, "Quiet circle " + tag);
        Response control = create(prober, "Open circle " + tag);
        assertEquals(201, probe.statusCode());
        assertEquals(201, control.statusCode());
        assertEquals("quiet-circle-" + tag, probe.path("slug"), "not quiet-circle-<tag>-2: that would reveal it");
        assertEquals("open-circle-" + tag, control.path("slug"));
        assertTrue(hidden.slug().matches("quiet-circle-" + tag + UNLISTED_SUFFIX), hidden.slug());

        // The hidden group is still its members' by its own slug, and still 404 to the prober.
        Api.as(owner).get("/api/v1/groups/" + hidden.slug()).then().statusCode(200)
                .body("id", equalTo(hidden.id().toString()));
        assertProblem(Api.as(prober).get("/api/v1/groups/" + hidden.slug()).then(), 404, "not-found");
        // A second hidden group of the same name gets a suffix of its own; listed groups keep numbering.
        TestGroup another = Groups.create(owner, Groups.body("Quiet circle " + tag, "HIDDEN"));
        assertTrue(another.slug().matches("quiet-circle-" + tag + UNLISTED_SUFFIX), another.slug());
        assertNotEquals(hidden.slug(), another.slug());
        assertEquals("quiet-circle-" + tag + "-2", create(prober, "Quiet circle " + tag).path("slug"));
    }

    @Test
    void aGroupThatBecomesHiddenGivesUpItsPlainSlug() {
        String tag = tag();
        TestAccount owner = Api.register("hider");
        TestAccount prober = Api.register("prober");
        TestGroup group = Groups.create(owner, Groups.body("Going quiet " + tag, "PUBLIC"));
        assertEquals("going-quiet-" + tag, group.slug());

        String hiddenSlug = Api.as(owner).body(Map.of("visibility", "HIDDEN")).patch("/api/v1/groups/" + group.id())
                .then().statusCode(200).body("visibility", equalTo("HIDDEN")).extract().path("slug");

        // Its old name is free for a listed group, as if no hidden group had ever been called that.
        assertEquals("going-quiet-" + tag, create(prober, "Going quiet " + tag).path("slug"),
                "not going-quiet-<tag>-2: that would reveal the hidden group");
        assertTrue(hiddenSlug.matches("going-quiet-" + tag + UNLISTED_SUFFIX), hiddenSlug);
        assertEquals(1, Groups.moderationLog(group, "GROUP_SETTINGS_CHANGED"));
        Api.as(owner).get("/api/v1/groups/" + hiddenSlug).then().statusCode(200)
                .body("id", equalTo(group.id().toString()));
        // The old slug now names the prober's new group, not the hidden one.
        Api.as(owner).get("/api/v1/groups/" + group.slug()).then().statusCode(200)
                .body("id", not(equalTo(group.id().toString())));

        // Listed again, the group keeps the slug it has.
        Api.as(owner).body(Map.of("visibility", "PRIVATE")).patch("/api/v1/groups/" + group.id()).then()
                .statusCode(200).body("slug", equalTo(hiddenSlug));
    }

    @Test
    void theMigrationMovesHiddenGroupsOffThePlainSlugsTheyHeld() throws SQLException, IOException {
        String tag = tag();
        TestAccount owner = Api.register("legacy");
        TestGroup hidden = Groups.create(owner, Groups.body("Legacy hidden " + tag, "HIDDEN"));
        TestGroup listed = Groups.create(owner, Groups.body("Legacy listed " + tag, "PUBLIC"));
        String plain = "legacy-hidden-" + tag + "-2";
        // As created before V8: a HIDDEN group on a plain slug.
        Api.sql("UPDATE groups SET slug = ? WHERE id = ?", plain, hidden.id());

        // The migration's script, run again in a transaction that is rolled back: it re-slugs every HIDDEN group.
        try (Connection connection = Api.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try {
                long versionBefore = longOf(connection, "SELECT version FROM groups WHERE id = ?", hidden.id());
                try (Statement statement = connection.createStatement()) {
                    statement.execute(migration("V8__hidden_groups_unlisted_slugs.sql"));
                }
                String moved = stringOf(connection, "SELECT slug FROM groups WHERE id = ?", hidden.id());
                assertTrue(moved.matches(plain + UNLISTED_SUFFIX), moved);
                assertEquals(versionBefore + 1,
                        longOf(connection, "SELECT version FROM groups WHERE id = ?", hidden.id()),
                        "a new ETag for the new slug");
                assertEquals(listed.slug(), stringOf(connection, "SELECT slug FROM groups WHERE id = ?", listed.id()));
                assertEquals(0, longOf(connection, "SELECT count(*) FROM groups WHERE visibility = 'HIDDEN'"
                        + " AND slug !~ '-[ghjkmnpqrstvwxyz]{12}$'"), "no HIDDEN group is left on a plain slug");
            } finally {
                connection.rollback();
            }
        }
        Api.sql("UPDATE groups SET slug = ? WHERE id = ?", hidden.slug(), hidden.id());
    }

    private static Response create(TestAccount account, String name) {
        return Api.as(account).body(Groups.body(name, "PUBLIC")).post("/api/v1/groups").then().extract().response();
    }

    /** Six random letters, so each run's names are new. */
    private static String tag() {
        StringBuilder tag = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            tag.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return tag.toString();
    }

    private static String migration(String name) throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader()
                .getResourceAsStream("db/migration/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String stringOf(Connection connection, String query, UUID id) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(query)) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static long longOf(Connection connection, String query, UUID id) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(query)) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long longOf(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
