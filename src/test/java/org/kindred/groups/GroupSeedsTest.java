package org.kindred.groups;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.kindred.groups.api.CreateGroupRequest;
import org.kindred.support.Api;
import org.kindred.support.TestAccount;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class GroupSeedsTest {

    @Inject
    GroupSeeds seeds;

    @Test
    void starterGroupsAreListedAndOwnedByTheTeamAccount() {
        List<GroupSeeds.Entry> entries = seeds.validated(GroupSeeds.read());
        assertTrue(entries.size() >= 6, "a handful of starter groups");
        assertTrue(entries.stream().map(e -> e.group().language()).distinct().count() >= 3, "in several languages");
        TestAccount member = Api.register("seedgrp");
        Api.as(member).get("/api/v1/groups/racism-at-work").then().statusCode(200)
                .body("name", equalTo("Racism at work")).body("visibility", equalTo("PUBLIC"))
                .body("rulesVersion", equalTo(1));
        Api.as(member).queryParam("q", "migrantes").get("/api/v1/groups").then().statusCode(200)
                .body("items.slug", hasItem("migrantes-trabajo-vivienda"));
        assertEquals(entries.size(), Api.count("""
                SELECT count(*) FROM groups g JOIN memberships m ON m.group_id = g.id AND m.role = 'OWNER'
                JOIN accounts a ON a.id = m.account_id AND a.handle = 'kindred' WHERE g.seed_key IS NOT NULL"""));
        // The team account cannot be signed into or registered.
        Api.anonymous().body(java.util.Map.of("email", "team@kindred.invalid", "password", "anything-at-all-1"))
                .post("/api/v1/auth/login").then().statusCode(401);
        Api.anonymous().body(Api.registration("kindred")).post("/api/v1/auth/register").then().statusCode(400);
    }

    @Test
    void loadingAgainChangesNothingAndAChangedEntryUpdatesItsGroup() {
        assertTrue(seeds.load().stream().allMatch(o -> o == GroupSeeds.Outcome.UNCHANGED));
        // A moderator's edit survives a reload of an unchanged seed...
        Api.sql("UPDATE groups SET description = 'Edited by the moderators' WHERE seed_key = 'disability-access'");
        assertTrue(seeds.load().stream().allMatch(o -> o == GroupSeeds.Outcome.UNCHANGED));
        assertEquals(1, Api.count("SELECT count(*) FROM groups WHERE seed_key = 'disability-access'"
                + " AND description = 'Edited by the moderators'"));
        // ...and a changed seed entry (simulated: the stored digest no longer matches) updates its row.
        Api.sql("UPDATE groups SET seed_hash = '\\x00', rules = 'Old rules' WHERE seed_key = 'disability-access'");
        List<GroupSeeds.Outcome> outcomes = seeds.load();
        assertEquals(1, outcomes.stream().filter(o -> o == GroupSeeds.Outcome.UPDATED).count());
        assertEquals(1, Api.count("SELECT count(*) FROM groups WHERE seed_key = 'disability-access'"
                + " AND description LIKE 'Inaccessible buildings%' AND rules LIKE '1. Believe each other%'"
                + " AND rules_version = 2"));
        assertTrue(seeds.load().stream().allMatch(o -> o == GroupSeeds.Outcome.UNCHANGED));
    }

    @Test
    void anInvalidSeedFileIsRefusedAsAWhole() {
        CreateGroupRequest bad = new CreateGroupRequest("ab", "", Set.of(), Set.of(), "not a language",
                null, "", false);
        CreateGroupRequest good = GroupSeeds.read().groups().get(0).group();
        // A starter group's key is its slug, and a HIDDEN group never holds a plain slug.
        CreateGroupRequest hidden = new CreateGroupRequest("A hidden starter group", good.description(), good.bases(),
                good.topics(), good.language(), Visibility.HIDDEN, good.rules(), false);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> seeds.validated(new GroupSeeds.File(List.of(new GroupSeeds.Entry("Bad Key", bad),
                        new GroupSeeds.Entry("dup", good), new GroupSeeds.Entry("dup", good),
                        new GroupSeeds.Entry("quiet", hidden)))));
        for (String problem : List.of("groups[0].key", "groups[0].group.name", "groups[0].group.bases",
                "groups[0].group.language", "groups[0].group.visibility", "dup: the key is used twice",
                "dup: the name is used twice", "quiet: starter groups are listed")) {
            assertTrue(e.getMessage().contains(problem), problem + " in " + e.getMessage());
        }
    }
}
