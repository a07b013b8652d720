package org.kindred.posts;

import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.kindred.support.Api;
import org.kindred.support.Groups;
import org.kindred.support.Groups.TestGroup;
import org.kindred.support.Posts;
import org.kindred.support.TestAccount;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ReactionConcurrencyTest {

    @Test
    void countsStayExactUnderConcurrentReactions() throws Exception {
        TestAccount owner = Api.register("rcown");
        TestGroup group = Groups.create(owner, "PUBLIC");
        UUID post = Posts.post(owner, group, "React to me");
        List<TestAccount> people = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            TestAccount a = Api.register("rc");
            Groups.join(a, group);
            people.add(a);
        }
        List<Callable<Integer>> calls = new ArrayList<>();
        for (TestAccount a : people) {
            for (int repeat = 0; repeat < 2; repeat++) {
                calls.add(() -> Api.as(a).put("/api/v1/posts/" + post + "/reactions/SENDING_STRENGTH").statusCode());
                calls.add(() -> Api.as(a).put("/api/v1/posts/" + post + "/reactions/I_BELIEVE_YOU").statusCode());
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(24);
        try {
            for (var f : pool.invokeAll(calls)) {
                f.get();
            }
            Api.as(owner).get("/api/v1/posts/" + post).then().body("reactions.SENDING_STRENGTH", equalTo(30))
                    .body("reactions.I_BELIEVE_YOU", equalTo(30));
            List<Callable<Integer>> undo = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                TestAccount a = people.get(i);
                undo.add(() -> Api.as(a).delete("/api/v1/posts/" + post + "/reactions/SENDING_STRENGTH").statusCode());
                undo.add(() -> Api.as(a).delete("/api/v1/posts/" + post + "/reactions/SENDING_STRENGTH").statusCode());
            }
            for (var f : pool.invokeAll(undo)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Api.as(owner).get("/api/v1/posts/" + post).then().body("reactions.SENDING_STRENGTH", equalTo(20))
                .body("reactions.I_BELIEVE_YOU", equalTo(30));
    }
}
