package org.kindred.bench.simulations;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Scenario 5, revalidation: a partner site that already has the feed asks again with If-None-Match and gets a 304.
 * Each user first fetches the feed once to learn its ETag.
 */
public class ResourceFeedNotModifiedSimulation extends BenchSimulation {

    static final String NAME = "resource feed, If-None-Match";

    {
        setUp(scenario(NAME)
                .exec(http(WARM_UP + "resource feed for its ETag").get("/api/v1/feeds/resources.json")
                        .header("Accept", "application/feed+json")
                        .check(status().is(200), header("ETag").saveAs("etag")))
                .exec(loop(NAME, (name, verify) -> exec(http(name).get("/api/v1/feeds/resources.json")
                        .header("Accept", "application/feed+json").header("If-None-Match", "#{etag}")
                        .check(status().is(304)))))
                .injectOpen(atOnceUsers(BenchRun.users())))
                .protocols(protocol()).maxDuration(maxDuration());
    }
}
