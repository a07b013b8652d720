package org.kindred.bench.simulations;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * Scenario 2: a page halfway down a big group's feed, reached with the cursor the server gave when the orchestrator
 * paged there (keyset paging: the cost should not depend on the depth).
 */
public class FeedDeepPageSimulation extends BenchSimulation {

    static final String NAME = "feed deep page";

    static ChainBuilder deepPage(String name, boolean verify) {
        HttpRequestActionBuilder request = http(name).get("/api/v1/groups/#{groupId}/posts")
                .queryParam("cursor", "#{cursor}").header("Authorization", "Bearer #{token}").check(status().is(200));
        return exec(verify ? request.check(jmesPath("length(items)").ofInt().is(20)) : request);
    }

    {
        setUp(loop(NAME, csv(BenchRun.feeder("deepPages")).random(), FeedDeepPageSimulation::deepPage)
                .injectOpen(atOnceUsers(BenchRun.users())))
                .protocols(protocol()).maxDuration(maxDuration());
    }
}
