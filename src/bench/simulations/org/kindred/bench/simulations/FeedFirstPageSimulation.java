package org.kindred.bench.simulations;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/** Scenario 1: the first page (20 threads with their reactions) of a random group's feed, signed in. */
public class FeedFirstPageSimulation extends BenchSimulation {

    static final String NAME = "feed page 1";

    static ChainBuilder firstPage(String name, boolean verify) {
        HttpRequestActionBuilder request = http(name).get("/api/v1/groups/#{groupId}/posts")
                .header("Authorization", "Bearer #{token}").check(status().is(200));
        return exec(verify ? request.check(jmesPath("length(items)").ofInt().is(20)) : request);
    }

    {
        setUp(loop(NAME, csv(BenchRun.feeder("readers")).random(), FeedFirstPageSimulation::firstPage)
                .injectOpen(atOnceUsers(BenchRun.users())))
                .protocols(protocol()).maxDuration(maxDuration());
    }
}
