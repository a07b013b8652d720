package org.kindred.moderation;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kindred.support.Api;
import org.kindred.support.Groups;
import org.kindred.support.Groups.TestGroup;
import org.kindred.support.TestAccount;

import io.quarkus.test.junit.QuarkusTest;

/** A report about a person is filed where it is made: each group's moderators see and decide their own. */
@QuarkusTest
class AccountReportsPerGroupTest {

    @Test
    void reportingAPersonInTwoGroupsReachesBothGroupsAndOneDecisionClosesOnlyItsOwn() {
        TestAccount ownerA = Api.register("rgowna");
        TestAccount ownerB = Api.register("rgownb");
        TestAccount reporter = Api.register("rgrep");
        TestAccount person = Api.register("rgper");
        TestGroup a = Groups.create(ownerA, "PUBLIC");
        TestGroup b = Groups.create(ownerB, "PUBLIC");
        for (TestGroup g : new TestGroup[]{a, b}) {
            Groups.join(reporter, g);
            Groups.join(person, g);
        }
        String inA = report(reporter, person, a, "HARASSMENT");
        String inB = report(reporter, person, b, "SPAM");
        org.junit.jupiter.api.Assertions.assertNotEquals(inA, inB);
        // Again in A: merged into the open report there.
        assertEquals(inA, report(reporter, person, a, "SPAM"));

        Api.as(ownerA).get("/api/v1/groups/" + a.id() + "/reports").then().statusCode(200)
                .body("items.targetId", hasItem(person.id().toString()));
        Api.as(ownerB).get("/api/v1/groups/" + b.id() + "/reports").then().statusCode(200)
                .body("items.find { it.targetId == '" + person.id() + "' }.reasons",
                        equalTo(java.util.List.of("SPAM")));

        Api.as(ownerA).body(Map.of("status", "DISMISSED")).patch("/api/v1/reports/" + inA).then().statusCode(200);
        Api.as(ownerA).get("/api/v1/groups/" + a.id() + "/reports").then()
                .body("items.targetId", not(hasItem(person.id().toString())));
        Api.as(ownerB).get("/api/v1/reports/" + inB).then().statusCode(200).body("status", equalTo("OPEN"));
        Api.as(ownerB).get("/api/v1/groups/" + b.id() + "/reports").then()
                .body("items.targetId", hasItem(person.id().toString()));
    }

    private static String report(TestAccount reporter, TestAccount person, TestGroup group, String reason) {
        return Api.as(reporter).body(Map.of("targetType", "ACCOUNT", "targetId", person.id().toString(), "reason",
                reason, "groupId", group.id().toString())).post("/api/v1/reports").then()
                .statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201))).extract().path("id");
    }
}
