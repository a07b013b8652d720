package org.kindred.groups;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.kindred.support.Api;
import org.kindred.support.Groups;
import org.kindred.support.Groups.TestGroup;
import org.kindred.support.TestAccount;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class MembershipConcurrencyTest {

    private static List<Integer> inParallel(List<Callable<Integer>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Future<Integer>> futures = pool.invokeAll(calls);
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : futures) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fiftyParallelJoinsLeaveAnExactCount() throws Exception {
        TestAccount owner = Api.register("conc");
        TestGroup group = Groups.create(owner, "PUBLIC");
        List<TestAccount> joiners = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            joiners.add(Api.register("cj"));
        }
        List<Callable<Integer>> joins = joiners.stream().<Callable<Integer>>map(a -> () -> Groups.join(a, group))
                .toList();
        assertEquals(50, inParallel(joins).stream().filter(s -> s == 201).count());
        Api.as(owner).get("/api/v1/groups/" + group.id()).then().body("memberCount", equalTo(51));

        // Half leave while the other half join again (idempotent): the count follows exactly.
        List<Callable<Integer>> mixed = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            TestAccount a = joiners.get(i);
            mixed.add(i % 2 == 0
                    ? () -> Api.as(a).delete("/api/v1/groups/" + group.id() + "/members/" + a.id()).statusCode()
                    : () -> Groups.join(a, group));
        }
        List<Integer> statuses = inParallel(mixed);
        assertEquals(25, statuses.stream().filter(s -> s == 204).count());
        assertEquals(25, statuses.stream().filter(s -> s == 200).count());
        Api.as(owner).get("/api/v1/groups/" + group.id()).then().body("memberCount", equalTo(26));
        assertEquals(26,
                Api.count("SELECT count(*) FROM memberships WHERE group_id = ? AND status = 'ACTIVE'", group.id()));
    }

    @Test
    void theSameAccountJoiningTwentyTimesAtOnceJoinsOnce() throws Exception {
        TestAccount owner = Api.register("conc2");
        TestAccount eager = Api.register("eager");
        TestGroup group = Groups.create(owner, "PUBLIC");
        List<Callable<Integer>> joins = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            joins.add(() -> Groups.join(eager, group));
        }
        List<Integer> statuses = inParallel(joins);
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(19, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        Api.as(owner).get("/api/v1/groups/" + group.id()).then().body("memberCount", equalTo(2));
    }

    @Test
    void twoOwnersSteppingDownAtOnceLeaveOneOwner() throws Exception {
        TestAccount a = Api.register("own1");
        TestAccount b = Api.register("own2");
        TestGroup group = Groups.create(a, "PUBLIC");
        Groups.join(b, group);
        Groups.setRole(a, group, b, "OWNER");
        List<Integer> statuses = inParallel(List.of(
                () -> Api.as(a).body(Map.of("role", "MEMBER"))
                        .patch("/api/v1/groups/" + group.id() + "/members/" + a.id())
                        .statusCode(),
                () -> Api.as(b).body(Map.of("role", "MEMBER"))
                        .patch("/api/v1/groups/" + group.id() + "/members/" + b.id())
                        .statusCode()));
        assertEquals(List.of(200, 409), statuses.stream().sorted().toList());
        assertEquals(1,
                Api.count("SELECT count(*) FROM memberships WHERE group_id = ? AND role = 'OWNER'", group.id()));
    }
}
