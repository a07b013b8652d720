package org.kindred.groups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;
import org.kindred.support.Api;
import org.kindred.support.Groups;
import org.kindred.support.Groups.TestGroup;
import org.kindred.support.TestAccount;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * Who may do what in a group: every role against every visibility and operation. The table below is the
 * specification; each cell is the HTTP status that role gets.
 */
@QuarkusTest
class PermissionMatrixTest {

    private static final List<String> ROLES = List.of("anonymous", "nonMember", "pending", "member", "moderator",
            "owner",
            "banned", "admin");

    // @formatter:off
    private static final String MATRIX = """
            visibility operation        anonymous nonMember pending member moderator owner banned admin
            PUBLIC     VIEW_GROUP       200       200       200     200    200       200   200    200
            PUBLIC     LIST_MEMBERS     401       403       403     200    200       200   403    200
            PUBLIC     LIST_PENDING     401       403       403     403    200       200   403    200
            PUBLIC     EDIT_GROUP       401       403       403     403    200       200   403    200
            PUBLIC     CREATE_INVITE    401       403       403     403    201       201   403    201
            PUBLIC     JOIN             401       201       202     200    200       200   403    201
            PUBLIC     APPROVE_PENDING  401       403       403     403    200       200   403    200
            PUBLIC     GRANT_MODERATOR  401       403       403     403    403       200   403    200
            PUBLIC     BAN_MEMBER       401       403       403     403    200       200   403    200
            PUBLIC     ARCHIVE          401       403       403     403    403       204   403    204
            PUBLIC     READ_POSTS       401       200       200     200    200       200   403    200
            PUBLIC     CREATE_POST      401       403       403     201    201       201   403    403
            PRIVATE    VIEW_GROUP       200       200       200     200    200       200   200    200
            PRIVATE    LIST_MEMBERS     401       403       403     200    200       200   403    200
            PRIVATE    LIST_PENDING     401       403       403     403    200       200   403    200
            PRIVATE    EDIT_GROUP       401       403       403     403    200       200   403    200
            PRIVATE    CREATE_INVITE    401       403       403     403    201       201   403    201
            PRIVATE    JOIN             401       202       202     200    200       200   403    201
            PRIVATE    APPROVE_PENDING  401       403       403     403    200       200   403    200
            PRIVATE    GRANT_MODERATOR  401       403       403     403    403       200   403    200
            PRIVATE    BAN_MEMBER       401       403       403     403    200       200   403    200
            PRIVATE    ARCHIVE          401       403       403     403    403       204   403    204
            PRIVATE    READ_POSTS       401       404       404     200    200       200   404    200
            PRIVATE    CREATE_POST      401       404       404     201    201       201   404    403
            HIDDEN     VIEW_GROUP       404       404       404     200    200       200   404    200
            HIDDEN     LIST_MEMBERS     401       404       404     200    200       200   404    200
            HIDDEN     LIST_PENDING     401       404       404     403    200       200   404    200
            HIDDEN     EDIT_GROUP       401       404       404     403    200       200   404    200
            HIDDEN     CREATE_INVITE    401       404       404     403    201       201   404    201
            HIDDEN     JOIN             401       404       404     200    200       200   403    201
            HIDDEN     APPROVE_PENDING  401       404       404     403    200       200   404    200
            HIDDEN     GRANT_MODERATOR  401       404       404     403    403       200   404    200
            HIDDEN     BAN_MEMBER       401       404       404     403    200       200   404    200
            HIDDEN     ARCHIVE          401       404       404     403    403       204   404    204
            HIDDEN     READ_POSTS       401       404       404     200    200       200   404    200
            HIDDEN     CREATE_POST      401       404       404     201    201       201   404    403
            """;
    // @formatter:on

    /** The operations: given a request as the role and the group's fixture, the response status. */
    private static final Map<String, BiFunction<RequestSpecification, Fixture, Integer>> OPERATIONS = new LinkedHashMap<>();

    static {
        OPERATIONS.put("VIEW_GROUP", (r, f) -> r.get(f.path()).statusCode());
        OPERATIONS.put("LIST_MEMBERS", (r, f) -> r.get(f.path() + "/members").statusCode());
        OPERATIONS.put("LIST_PENDING",
                (r, f) -> r.queryParam("status", "PENDING").get(f.path() + "/members").statusCode());
        OPERATIONS.put("EDIT_GROUP",
                (r, f) -> r.body(Map.of("description", "Same words")).patch(f.path()).statusCode());
        OPERATIONS.put("CREATE_INVITE", (r, f) -> r.body(Map.of()).post(f.path() + "/invites").statusCode());
        OPERATIONS.put("JOIN",
                (r, f) -> r.body(Map.of("acceptRulesVersion", 1)).post(f.path() + "/members").statusCode());
        OPERATIONS.put("APPROVE_PENDING", (r, f) -> r.body(Map.of("status", "ACTIVE"))
                .patch(f.path() + "/members/" + f.target("pendingTarget").id()).statusCode());
        OPERATIONS.put("GRANT_MODERATOR", (r, f) -> r.body(Map.of("role", "MODERATOR"))
                .patch(f.path() + "/members/" + f.target("memberTarget").id()).statusCode());
        OPERATIONS.put("BAN_MEMBER", (r, f) -> r.body(Map.of("status", "BANNED"))
                .patch(f.path() + "/members/" + f.target("memberTarget").id()).statusCode());
        OPERATIONS.put("ARCHIVE", (r, f) -> r.delete(f.path()).statusCode());
        OPERATIONS.put("READ_POSTS", (r, f) -> r.get(f.path() + "/posts").statusCode());
        OPERATIONS.put("CREATE_POST",
                (r, f) -> r.body(org.kindred.support.Posts.body("Matrix post")).post(f.path() + "/posts")
                        .statusCode());
    }

    private static final List<String> READ_ONLY = List.of("VIEW_GROUP", "LIST_MEMBERS", "LIST_PENDING", "EDIT_GROUP",
            "CREATE_INVITE", "READ_POSTS", "CREATE_POST");

    /** A group with one account in every role, and two extra accounts to act on. */
    private record Fixture(TestGroup group, Map<String, TestAccount> people) {
        String path() {
            return "/api/v1/groups/" + group.id();
        }

        TestAccount target(String name) {
            return people.get(name);
        }
    }

    private final Map<String, TestAccount> accounts = new LinkedHashMap<>();

    private TestAccount account(String role) {
        return accounts.computeIfAbsent(role,
                r -> r.equals("admin") ? Api.admin() : Api.register("pm" + r.substring(0, 3)));
    }

    private Fixture fixture(String visibility) {
        TestAccount owner = account("owner");
        TestGroup group = Groups.create(owner, visibility);
        Groups.addMember(owner, group, account("member"));
        Groups.addMember(owner, group, account("moderator"));
        Groups.setRole(owner, group, account("moderator"), "MODERATOR");
        Groups.addMember(owner, group, account("banned"));
        Groups.ban(owner, group, account("banned"));
        Groups.addPending(group, account("pending"));
        // The accounts acted upon are the same in every fixture: they only need to be unique within a group.
        TestAccount memberTarget = account("memberTarget");
        Groups.addMember(owner, group, memberTarget);
        TestAccount pendingTarget = account("pendingTarget");
        Groups.addPending(group, pendingTarget);
        return new Fixture(group, new LinkedHashMap<>(accounts));
    }

    private RequestSpecification as(String role) {
        return role.equals("anonymous") ? Api.anonymous() : Api.as(account(role));
    }

    @Test
    void everyRoleGetsExactlyWhatTheMatrixSays() {
        List<String> mismatches = new ArrayList<>();
        Map<String, Fixture> shared = new LinkedHashMap<>();
        int cells = 0;
        for (String line : MATRIX.strip().lines().skip(1).toList()) {
            String[] cols = line.trim().split("\\s+");
            String visibility = cols[0];
            String operation = cols[1];
            assertEquals(ROLES.size() + 2, cols.length, "malformed matrix row: " + line);
            for (int i = 0; i < ROLES.size(); i++) {
                String role = ROLES.get(i);
                int expected = Integer.parseInt(cols[i + 2]);
                Fixture fixture = READ_ONLY.contains(operation)
                        ? shared.computeIfAbsent(visibility, this::fixture)
                        : fixture(visibility);
                int actual = OPERATIONS.get(operation).apply(as(role), fixture);
                cells++;
                if (actual != expected) {
                    mismatches.add(String.format("%-8s %-16s %-10s expected %d, got %d", visibility, operation, role,
                            expected, actual));
                }
            }
        }
        assertEquals(3 * OPERATIONS.size() * ROLES.size(), cells);
        assertTrue(mismatches.isEmpty(), "Permission matrix mismatches:\n" + String.join("\n", mismatches));
    }

    @Test
    void anotherGroupsMembershipGivesNothing() {
        // Being a moderator of one group grants nothing in another (BOLA across groups).
        TestAccount owner = Api.register("pmx");
        TestGroup mine = Groups.create(owner, "PUBLIC");
        TestAccount otherOwner = Api.register("pmy");
        TestGroup theirs = Groups.create(otherOwner, "PRIVATE");
        TestGroup hidden = Groups.create(otherOwner, "HIDDEN");
        TestAccount victim = Api.register("pmz");
        Groups.join(victim, theirs);
        assertEquals(403,
                Api.as(owner).body(Map.of("status", "ACTIVE")).patch("/api/v1/groups/" + theirs.id() + "/members/"
                        + victim.id()).statusCode());
        assertEquals(404, Api.as(owner).get("/api/v1/groups/" + hidden.id() + "/members").statusCode());
        assertEquals(404,
                Api.as(owner).delete("/api/v1/groups/" + hidden.id() + "/invites/" + UUID.randomUUID()).statusCode());
        assertEquals(200, Api.as(owner).get("/api/v1/groups/" + mine.id() + "/members").statusCode());
    }
}
